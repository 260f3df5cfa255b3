import Foundation

/// Reads the members of a ZIP archive (a Python wheel) from its central directory.
/// Stored and deflated members only; wheels of this size need no ZIP64.
struct ZipArchive {
    struct Member {
        let name: String
        let method: Int
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    let url: URL
    let members: [Member]
    private let data: Data

    init(contentsOf url: URL) throws {
        self.url = url
        data = try Data(contentsOf: url, options: .alwaysMapped)
        members = try data.withUnsafeBytes { try Self.readDirectory($0, url) }
    }

    /// The uncompressed bytes of `member`, checked against its CRC-32.
    func contents(of member: Member) throws -> [UInt8] {
        try data.withUnsafeBytes { raw in
            let header = member.localHeaderOffset
            guard header + 30 <= raw.count, raw.loadUnaligned(fromByteOffset: header, as: UInt32.self) == 0x0403_4b50 else {
                throw ModelError.malformed("bad local header for \(member.name)", url)
            }
            let start = header + 30 + Int(Self.u16(raw, header + 26)) + Int(Self.u16(raw, header + 28))
            guard start + member.compressedSize <= raw.count else { throw ModelError.malformed("\(member.name) runs past the end", url) }
            let packed = UnsafeRawBufferPointer(rebasing: raw[start ..< start + member.compressedSize])
            let bytes: [UInt8]
            switch member.method {
            case 0: bytes = Array(packed)
            case 8:
                do { bytes = try Inflate.decode(packed, expectedSize: member.size) } catch {
                    throw ModelError.malformed("\(member.name) does not inflate: \(error)", url)
                }
            default: throw ModelError.unsupported("compression method \(member.method) of \(member.name)", url)
            }
            guard bytes.withUnsafeBytes({ CRC32.checksum($0) }) == member.crc else {
                throw ModelError.malformed("\(member.name) fails its CRC-32 check", url)
            }
            return bytes
        }
    }

    private static func u16(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt16 {
        UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    private static func u32(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private static func readDirectory(_ raw: UnsafeRawBufferPointer, _ url: URL) throws -> [Member] {
        // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KB.
        var end = raw.count - 22
        let lowest = max(0, raw.count - 22 - 0xFFFF)
        while end >= lowest, u32(raw, end) != 0x0605_4b50 { end -= 1 }
        guard end >= lowest, end >= 0 else { throw ModelError.malformed("not a ZIP archive", url) }
        let count = Int(u16(raw, end + 10))
        var offset = Int(u32(raw, end + 16))
        var members: [Member] = []
        for _ in 0 ..< count {
            guard offset + 46 <= raw.count, u32(raw, offset) == 0x0201_4b50 else {
                throw ModelError.malformed("bad central directory", url)
            }
            let nameLength = Int(u16(raw, offset + 28))
            guard offset + 46 + nameLength <= raw.count else { throw ModelError.malformed("bad central directory", url) }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset + 46 ..< offset + 46 + nameLength]), as: UTF8.self)
            members.append(Member(name: name, method: Int(u16(raw, offset + 10)), crc: u32(raw, offset + 16),
                                  compressedSize: Int(u32(raw, offset + 20)), size: Int(u32(raw, offset + 24)),
                                  localHeaderOffset: Int(u32(raw, offset + 42))))
            offset += 46 + nameLength + Int(u16(raw, offset + 30)) + Int(u16(raw, offset + 32))
        }
        return members
    }
}
