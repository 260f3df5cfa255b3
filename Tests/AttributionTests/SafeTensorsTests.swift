import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

@Suite struct SafeTensorsTests {
    /// Writes a safetensors file by hand: header length, JSON header, then the raw bytes.
    static func write(_ tensors: [(name: String, dtype: String, shape: [Int], bytes: [UInt8])], to url: URL) throws {
        var offset = 0
        var header: [String: Any] = ["__metadata__": ["format": "pt"]]
        for tensor in tensors {
            header[tensor.name] = ["dtype": tensor.dtype, "shape": tensor.shape, "data_offsets": [offset, offset + tensor.bytes.count]]
            offset += tensor.bytes.count
        }
        let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        var data = Data((0 ..< 8).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) })
        data += json
        for tensor in tensors { data += tensor.bytes }
        try data.write(to: url)
    }

    static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { v in (0 ..< T.bitWidth / 8).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    }

    @Test func readsFloat32Float16AndBFloat16() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("small.safetensors")
        let f32: [Float] = [1.5, -2.25, 0, 0x1p-127, .infinity, 1234.5678]
        // binary16: 1, -2, 0.5, 65504 (largest), 2^-24 (smallest subnormal), -0, +inf, 0.333251953125
        let f16: [UInt16] = [0x3C00, 0xC000, 0x3800, 0x7BFF, 0x0001, 0x8000, 0x7C00, 0x3555]
        // bfloat16 keeps the top 16 bits of a float32: 1, -3.140625, 1e38-ish, 2^-130 (subnormal)
        let bf16: [UInt16] = [0x3F80, 0xC049, 0x7E96, 0x0010]
        try Self.write([
            ("a.f32", "F32", [2, 3], Self.littleEndian(f32.map(\.bitPattern))),
            ("b.f16", "F16", [8], Self.littleEndian(f16)),
            ("c.bf16", "BF16", [2, 2], Self.littleEndian(bf16)),
            ("d.ids", "I64", [1], Self.littleEndian([Int64(7)])),
        ], to: url)
        let file = try SafeTensors(contentsOf: url)
        #expect(Set(file.entries.keys) == ["a.f32", "b.f16", "c.bf16", "d.ids"])
        let a = try file.tensor("a.f32")
        #expect(a.shape == [2, 3] && a.values == f32)
        let b = try file.tensor("b.f16")
        #expect(b.values == [1, -2, 0.5, 65504, 0x1p-24, -0.0, .infinity, 0.333251953125])
        #expect(b.values[5].sign == .minus)
        let c = try file.tensor("c.bf16")
        #expect(c.shape == [2, 2])
        #expect(c.values == [1, -3.140625, Float(bitPattern: 0x7E96_0000), Float(bitPattern: 0x0010_0000)])
        #expect(throws: ModelError.unsupported("dtype I64 of d.ids", url)) { try file.tensor("d.ids") }
        #expect(throws: ModelError.missingTensor("e", url)) { try file.tensor("e") }
    }

    @Test func everyHalfPrecisionValueMatchesTheHardwareConversion() {
        #if arch(arm64) || (arch(x86_64) && os(Linux))
        for bits in UInt16.min ... UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let converted = SafeTensors.half(bits)
            #expect(converted.bitPattern == expected.bitPattern || (converted.isNaN && expected.isNaN), "0x\(String(bits, radix: 16))")
            if converted.bitPattern != expected.bitPattern && !(converted.isNaN && expected.isNaN) { return }
        }
        #endif
    }

    @Test func rejectsATruncatedFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: try folder.write("bad.safetensors", bytes: [200, 0, 0, 0, 0, 0, 0, 0, 123]))
        #expect(throws: ModelError.self) { try SafeTensors(contentsOf: url) }
    }
}
