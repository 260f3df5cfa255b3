import ErrataTestSupport
import Foundation
import Testing

/// A tags file that is not UTF-8 is refused at the line and column of the first bad byte.
@Suite struct TagsImportEncodingTests {
    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let (folder, reviews) = try ReviewsOnDisk.write()
        defer { folder.remove() }
        let good = #"{"instance":"1","system":"bert","categories":["A"],"annotator":"ana","time":"2026-11-26T22:40:01.123Z"}"#
        let file = try folder.write("tags.jsonl", bytes: Array((good + "\n" + good + "\n").utf8) + Array(#"{"instance":"2","note":""#.utf8) + [0xFF] + Array("\"}\n".utf8))
        let result = try ErrataProcess.run(["tags", "import", reviews] + ReviewsOnDisk.roles + [file])
        #expect(result.status == 1)
        #expect(result.stderr == "errata: error: \(file):3: column 25: invalid UTF-8 (byte 0xFF): save the file as UTF-8\n")
    }
}
