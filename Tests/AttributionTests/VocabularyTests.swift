import Foundation
import Testing
@testable import Attribution

@Suite struct VocabularyTests {
    @Test func idsAreLineNumbers() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString).txt")
        try Data("[PAD]\n[UNK]\nthe\n##s\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let vocabulary = try Vocabulary(contentsOf: file)
        #expect(vocabulary.count == 4)
        #expect(vocabulary.id("the") == 2 && vocabulary.id("##s") == 3 && vocabulary.id("cat") == nil)
        #expect(vocabulary.token(1) == "[UNK]")
    }
}
