import Testing
@testable import Attribution

@Suite struct WordPieceTokenizerTests {
    /// Ids are positions in this list: [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4, un 5, ##aff 6,
    /// ##able 7, cafe 8, ! 9, i 10, ##s 11, 中 12, 文 13, Café 14, a 15, ##a 16.
    static let vocabulary = Vocabulary(tokens: [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "cafe", "!", "i", "##s",
        "中", "文", "Café", "a", "##a",
    ])

    static func tokenizer(lowercase: Bool = true, maxLength: Int = 512) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: vocabulary, lowercase: lowercase, maxLength: maxLength)
    }

    @Test func specialTokenIds() throws {
        let tokenizer = try Self.tokenizer()
        #expect([tokenizer.padID, tokenizer.unkID, tokenizer.clsID, tokenizer.sepID, tokenizer.maskID] == [0, 1, 2, 3, 4])
    }

    @Test func longestMatchFirstWithContinuations() throws {
        let encoding = try Self.tokenizer().encode("unaffable")
        #expect(encoding.ids == [2, 5, 6, 7, 3])
        #expect(encoding.tokens == ["[CLS]", "un", "##aff", "##able", "[SEP]"])
        #expect(encoding.offsets == [0..<0, 0..<2, 2..<5, 5..<9, 0..<0])
        #expect(encoding.wordIndices == [nil, 0, 0, 0, nil])
    }

    /// A word with an unmatchable rest is one [UNK], not "un" and [UNK].
    @Test func unmatchableWordIsOneUnknown() throws {
        let encoding = try Self.tokenizer().encode("unx un")
        #expect(encoding.ids == [2, 1, 5, 3])
        #expect(encoding.offsets == [0..<0, 0..<3, 4..<6, 0..<0])
        #expect(encoding.wordIndices == [nil, 0, 1, nil])
    }

    @Test func wordsLongerThanHundredScalarsAreUnknown() throws {
        let tokenizer = try Self.tokenizer()
        let hundred = tokenizer.encode(String(repeating: "a", count: 100))
        #expect(hundred.ids == [2, 15] + Array(repeating: 16, count: 99) + [3])
        let longer = tokenizer.encode(String(repeating: "a", count: 101))
        #expect(longer.ids == [2, 1, 3])
        #expect(longer.offsets[1] == 0..<101)
    }

    /// Offsets point into the original text although accents, a zero-width space and a capital
    /// were folded away.
    @Test func offsetsSurviveNormalisation() throws {
        let tokenizer = try Self.tokenizer()
        let decomposed = tokenizer.encode("Cafe\u{301}!")
        #expect(decomposed.ids == [2, 8, 9, 3])
        #expect(decomposed.offsets == [0..<0, 0..<4, 5..<6, 0..<0])
        #expect(tokenizer.encode("CAF\u{200B}É").offsets == [0..<0, 0..<5, 0..<0])
        let dotted = tokenizer.encode("İs")
        #expect(dotted.ids == [2, 10, 11, 3])
        #expect(dotted.offsets == [0..<0, 0..<1, 1..<2, 0..<0])
    }

    @Test func casedVocabularyKeepsCaseAndAccents() throws {
        #expect(try Self.tokenizer(lowercase: false).encode("Café").ids == [2, 14, 3])
        #expect(try Self.tokenizer().encode("Café").ids == [2, 8, 3])
    }

    @Test func punctuationAndIdeographsAreWords() throws {
        let encoding = try Self.tokenizer().encode("un!中文")
        #expect(encoding.ids == [2, 5, 9, 12, 13, 3])
        #expect(encoding.wordIndices == [nil, 0, 1, 2, 3, nil])
    }

    @Test func specialTokensInTheTextAreKept() throws {
        let encoding = try Self.tokenizer().encode("un[MASK]a [mask]")
        #expect(encoding.ids == [2, 5, 4, 15, 1, 1, 1, 3])
        #expect(encoding.offsets[1...3] == [0..<2, 2..<8, 8..<9])
        #expect(encoding.wordIndices == [nil, 0, 1, 2, 3, 4, 5, nil])
    }

    @Test func truncatesToMaxLength() throws {
        let encoding = try Self.tokenizer(maxLength: 4).encode("un un unaffable")
        #expect(encoding.ids == [2, 5, 5, 3])
        #expect(try Self.tokenizer(maxLength: 2).encode("un").ids == [2, 3])
    }

    @Test func wordsGroupTokensAndOffsets() throws {
        let text = "Café  unaffable!"
        let encoding = try Self.tokenizer().encode(text)
        let words = encoding.words
        #expect(words == [
            Encoding.Word(tokens: 1..<2, offsets: 0..<4),
            Encoding.Word(tokens: 2..<5, offsets: 6..<15),
            Encoding.Word(tokens: 5..<6, offsets: 15..<16),
        ])
        #expect(words.map { Encoding.substring(text, $0.offsets) } == ["Café", "unaffable", "!"])
        #expect(Encoding.substring("e\u{301}!", 1..<3) == "\u{301}!")
    }

    @Test func emptyTextIsClsAndSep() throws {
        let encoding = try Self.tokenizer().encode(" \u{200B}\t")
        #expect(encoding.ids == [2, 3] && encoding.words.isEmpty)
    }

    @Test func rejectsUnusableConfigurations() {
        #expect(throws: TokenizerError.missingSpecialToken("[MASK]")) {
            try WordPieceTokenizer(vocabulary: Vocabulary(tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]))
        }
        #expect(throws: TokenizerError.maxLengthTooShort(1)) { try Self.tokenizer(maxLength: 1) }
    }
}
