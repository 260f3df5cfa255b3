import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// The loader maps its data file itself so that it can hand pages back once read: what is
/// read is the file's bytes whatever was released, and a file that cannot be mapped is a
/// located error.
@Suite struct MappedFileTests {
    @Test func releasedPagesReadTheSameBytesAgain() throws {
        let folder = try TemporaryDirectory()
        let bytes = (0 ..< 3 * 65_536 + 123).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        defer { folder.remove() }
        let path = try folder.write("d.bin", bytes: bytes)
        let file = try MappedFile(path: path)
        #expect(Array(file.bytes) == bytes)
        file.release(1000 ..< 2 * 65_536 + 5)
        file.release(0 ..< bytes.count)
        #expect(Array(file.bytes) == bytes)
    }

    @Test func anEmptyFileHasNoBytes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("e.csv", "")
        let file = try MappedFile(path: path)
        #expect(file.bytes.isEmpty)
        file.release(0 ..< 0)
        #expect(throws: LoadError(file: path, "the file is empty: expected a header line with column names")) {
            _ = try DatasetLoader.readTable(path)
        }
    }

    @Test func aMissingFileSaysWhy() {
        #expect(throws: LoadError(file: "/nonexistent/d.csv", "cannot read the file: No such file or directory")) {
            _ = try MappedFile(path: "/nonexistent/d.csv")
        }
    }

    /// A file read in pieces (above a megabyte), whose pages are handed back piece by piece,
    /// gives the table of reading it in one piece.
    @Test func aLargeFileLoadsAsInOnePiece() throws {
        let folder = try TemporaryDirectory()
        var text = "id,text,n\n"
        for row in 0 ..< 40_000 { text += "\(row),\"w \(row % 13), \"\"q\"\"\nnext\",\(row % 7).5\n" }
        defer { folder.remove() }
        let path = try folder.write("big.csv", text)
        #expect(text.utf8.count > DelimitedChunk.minimumParallelBytes)
        let loaded = try DatasetLoader.readTable(path)
        let whole = try Array(text.utf8).withUnsafeBufferPointer { buffer in
            var reader = DelimitedReader(file: path, dialect: .csv, skipBadLines: false)
            reader.cores = 1
            return try reader.read(buffer)
        }
        #expect(loaded.rowCount == 40_000)
        #expect(loaded.cells == whole.cells && loaded.rowLines == whole.rowLines && loaded.cellColumns == whole.cellColumns)
        #expect(loaded.cells[1][3] == "w 3, \"q\"\nnext")
    }
}
