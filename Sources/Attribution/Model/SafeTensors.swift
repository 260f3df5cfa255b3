import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw data. The file is memory-mapped and
/// tensors are converted to Float32 one at a time, so loading holds one copy of the weights.
public struct SafeTensors {
    public struct Entry: Decodable, Sendable {
        public let dtype: String
        public let shape: [Int]
        let data_offsets: [Int]
    }

    public let url: URL
    public let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    public init(contentsOf url: URL) throws {
        self.url = url
        data = try Data(contentsOf: url, options: .alwaysMapped)
        guard data.count >= 8 else { throw ModelError.malformed("too short for a safetensors header", url) }
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard headerLength > 0, 8 + headerLength <= data.count else {
            throw ModelError.malformed("header length \(headerLength) exceeds the file", url)
        }
        dataStart = 8 + headerLength
        let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8 ..< dataStart)) as? [String: Any] ?? [:]
        var entries: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            let json = try JSONSerialization.data(withJSONObject: value)
            entries[name] = try JSONDecoder().decode(Entry.self, from: json)
        }
        self.entries = entries
    }

    /// The tensor `name` as Float32 values (row-major) with its shape; F32, F16 and BF16 only.
    public func tensor(_ name: String) throws -> (shape: [Int], values: [Float]) {
        guard let entry = entries[name] else { throw ModelError.missingTensor(name, url) }
        let count = entry.shape.reduce(1, *)
        let width: Int
        switch entry.dtype {
        case "F32": width = 4
        case "F16", "BF16": width = 2
        default: throw ModelError.unsupported("dtype \(entry.dtype) of \(name)", url)
        }
        guard entry.data_offsets.count == 2, entry.data_offsets[1] - entry.data_offsets[0] == count * width,
              dataStart + entry.data_offsets[1] <= data.count else {
            throw ModelError.malformed("byte range of \(name) does not match its shape", url)
        }
        let start = dataStart + entry.data_offsets[0]
        var values = [Float](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[start ..< start + count * width])
            for i in 0 ..< count {
                switch entry.dtype {
                case "F32": values[i] = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                case "F16": values[i] = Self.half(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                default: values[i] = Float(bitPattern: UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16)
                }
            }
        }
        return (entry.shape, values)
    }

    /// IEEE 754 binary16 to binary32, bit by bit (`Float16` is missing on Intel macOS).
    static func half(_ bits: UInt16) -> Float {
        let sign = UInt32(bits >> 15) << 31
        let exponent = Int((bits >> 10) & 0x1f)
        let mantissa = UInt32(bits & 0x3ff)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 31:
            return Float(bitPattern: sign | 0x7f80_0000 | mantissa << 13)
        default:
            return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
        }
    }
}
