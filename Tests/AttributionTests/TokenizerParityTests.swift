import Foundation
import Testing
@testable import Attribution

/// errata's tokenizer against Hugging Face's fast `BertTokenizer` for all-MiniLM-L6-v2
/// (fixtures from `Fixtures/make_tokenizer_fixtures.py`).
@Suite struct TokenizerParityTests {
    @Test func handMadeCasesMatchIdsOffsetsAndWords() throws {
        let tokenizer = try TokenizerFixtures.tokenizer()
        let fixture = try TokenizerFixtures.cases()
        #expect(fixture.cases.count == 34)
        for reference in fixture.cases {
            let encoding = tokenizer.encode(reference.text)
            #expect(encoding.ids == reference.ids, "\(reference.name)")
            #expect(encoding.offsets == reference.offsetRanges, "\(reference.name)")
            #expect(encoding.wordIndices == reference.wordIndices, "\(reference.name)")
            #expect(encoding.tokens == reference.ids.map(tokenizer.vocabulary.token), "\(reference.name)")
        }
    }

    /// Every sentence of the bundled data: 10,365 + 2,425 reviews and 3,004 German references.
    @Test func everyBundledSentenceMatches() throws {
        let tokenizer = try TokenizerFixtures.tokenizer()
        let sentences = try TokenizerFixtures.bundledSentences()
        #expect(sentences.count == 15_794)
        var idMismatches: [Int] = []
        var offsetMismatches: [Int] = []
        for (index, sentence) in sentences.enumerated() {
            let encoding = tokenizer.encode(sentence.text)
            if encoding.ids != sentence.ids { idMismatches.append(index) }
            if TokenizerFixtures.digest(encoding) != sentence.digest { offsetMismatches.append(index) }
        }
        #expect(idMismatches.count == 0, "ids differ, first on sentences \(idMismatches.prefix(10))")
        #expect(offsetMismatches.count == 0, "offsets or words differ, first on sentences \(offsetMismatches.prefix(10))")
    }

    /// The digest sees a single changed offset, so a passing data test means something.
    @Test func digestDependsOnOffsetsAndWords() throws {
        let encoding = try TokenizerFixtures.tokenizer().encode("A three-hour cinema master class.")
        var shifted = encoding
        shifted.offsets[2] = shifted.offsets[2].lowerBound..<shifted.offsets[2].upperBound + 1
        var regrouped = encoding
        regrouped.wordIndices[1] = 7
        let digest = TokenizerFixtures.digest(encoding)
        #expect(digest != TokenizerFixtures.digest(shifted))
        #expect(digest != TokenizerFixtures.digest(regrouped))
    }
}
