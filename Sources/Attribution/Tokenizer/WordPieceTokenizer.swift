/// BERT's tokenizer (Devlin et al. 2019): a basic tokenizer that normalises the text and splits
/// it into words at white space, punctuation and CJK ideographs, then WordPiece (Wu et al. 2016),
/// which splits each word greedily into the longest vocabulary entries, pieces after the first
/// marked `##`. A word that cannot be split, or is longer than 100 scalars, becomes `[UNK]`.
///
/// It reproduces, id for id and offset for offset, Hugging Face's fast `BertTokenizer` as
/// sentence-transformers models configure it (all-MiniLM-L6-v2: uncased, accents stripped with
/// lower-casing, CJK splitting, at most 512 tokens), including its treatment of special tokens
/// written in the text: `[MASK]` in the input is the mask token, not five characters.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: Vocabulary
    /// Lower-case and strip accents (an uncased vocabulary); otherwise the text keeps its case and marks.
    public let lowercase: Bool
    /// The most tokens an encoding has, `[CLS]` and `[SEP]` included; the text is cut to fit.
    public let maxLength: Int
    public let clsID: Int32
    public let sepID: Int32
    public let padID: Int32
    public let maskID: Int32
    public let unkID: Int32

    /// Longer words (in scalars, after normalisation) are `[UNK]` without trying to split them.
    public static let maxWordLength = 100
    /// The special tokens, which the text may contain verbatim (matched before normalisation,
    /// case-sensitively, even inside words).
    public static let specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    private let trie: VocabularyTrie
    private let continuationNode: Int32?
    private let specials: [(scalars: [Unicode.Scalar], id: Int32)]
    private let normalizer: BertNormalizer

    /// Fails when the vocabulary lacks a special token or `maxLength` leaves no room for
    /// `[CLS]` and `[SEP]`.
    public init(vocabulary: Vocabulary, lowercase: Bool = true, maxLength: Int = 512) throws(TokenizerError) {
        guard maxLength >= 2 else { throw .maxLengthTooShort(maxLength) }
        var ids: [Int32] = []
        for token in Self.specialTokens {
            guard let id = vocabulary.id(token) else { throw .missingSpecialToken(token) }
            ids.append(id)
        }
        self.vocabulary = vocabulary
        self.lowercase = lowercase
        self.maxLength = maxLength
        (padID, unkID, clsID, sepID, maskID) = (ids[0], ids[1], ids[2], ids[3], ids[4])
        specials = zip(Self.specialTokens, ids).map { (Array($0.unicodeScalars), $1) }
        trie = VocabularyTrie(vocabulary)
        continuationNode = trie.node(after: "##")
        normalizer = BertNormalizer(lowercase: lowercase)
    }

    /// `[CLS]`, the tokens of `text` (the first `maxLength - 2`), `[SEP]`.
    public func encode(_ text: String) -> Encoding {
        let scalars = Array(text.unicodeScalars)
        var pieces = Pieces(limit: maxLength - 2)
        var normalized = NormalizedText()
        var segmentStart = 0
        var index = 0
        while index < scalars.count && !pieces.isFull {
            guard scalars[index] == "[", let special = special(at: index, in: scalars) else {
                index += 1
                continue
            }
            normalizer.normalize(scalars, segmentStart..<index, into: &normalized)
            splitWords(normalized, into: &pieces)
            pieces.appendWord(special.id, index..<index + special.scalars.count)
            index += special.scalars.count
            segmentStart = index
        }
        if !pieces.isFull {
            normalizer.normalize(scalars, segmentStart..<scalars.count, into: &normalized)
            splitWords(normalized, into: &pieces)
        }
        pieces.truncate()
        let ids = [clsID] + pieces.ids + [sepID]
        return Encoding(
            ids: ids,
            tokens: ids.map(vocabulary.token),
            offsets: [0..<0] + pieces.offsets + [0..<0],
            wordIndices: [nil] + pieces.words + [nil])
    }

    /// The special token written at `index` of the text, if any.
    private func special(at index: Int, in scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], id: Int32)? {
        specials.first { special in
            index + special.scalars.count <= scalars.count
                && scalars[index..<index + special.scalars.count].elementsEqual(special.scalars)
        }
    }

    /// The basic tokenizer's split: white space separates words and is dropped; each punctuation
    /// sign is a word of its own. Each word then goes to WordPiece.
    private func splitWords(_ text: NormalizedText, into pieces: inout Pieces) {
        var wordStart = 0
        for (index, scalar) in text.scalars.enumerated() {
            if BertCharacters.isWhitespace(scalar) {
                wordPiece(text, wordStart..<index, into: &pieces)
                wordStart = index + 1
            } else if BertCharacters.isPunctuation(scalar) {
                wordPiece(text, wordStart..<index, into: &pieces)
                wordPiece(text, index..<index + 1, into: &pieces)
                wordStart = index + 1
            }
        }
        wordPiece(text, wordStart..<text.scalars.count, into: &pieces)
    }

    /// WordPiece on one word: the longest vocabulary entry the rest of the word starts with, again
    /// and again; `[UNK]` for the whole word if some rest starts with no entry.
    private func wordPiece(_ text: NormalizedText, _ word: Range<Int>, into pieces: inout Pieces) {
        guard !word.isEmpty, !pieces.isFull else { return }
        let whole = text.origins[word.lowerBound]..<text.origins[word.upperBound - 1] + 1
        guard word.count <= Self.maxWordLength else {
            pieces.appendWord(unkID, whole)
            return
        }
        let mark = pieces.ids.count
        var start = word.lowerBound
        while start < word.upperBound {
            let node = start == word.lowerBound ? VocabularyTrie.root : continuationNode
            guard let node, let match = trie.longestMatch(from: node, in: text.scalars, start..<word.upperBound) else {
                pieces.removeWord(from: mark)
                pieces.appendWord(unkID, whole)
                return
            }
            let lower = text.origins[start]
            pieces.appendPiece(match.id, lower..<max(lower, text.origins[match.end - 1] + 1), startsWord: start == word.lowerBound)
            start = match.end
        }
    }
}

/// Why a tokenizer cannot be made.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    case missingSpecialToken(String)
    case maxLengthTooShort(Int)

    public var description: String {
        switch self {
        case .missingSpecialToken(let token): "the vocabulary has no \(token) token"
        case .maxLengthTooShort(let length): "a maximum length of \(length) leaves no room for [CLS] and [SEP]"
        }
    }
}

/// The tokens of an encoding between `[CLS]` and `[SEP]`, as they are found.
private struct Pieces {
    let limit: Int
    var ids: [Int32] = []
    var offsets: [Range<Int>] = []
    var words: [Int?] = []
    var wordCount = 0

    init(limit: Int) { self.limit = limit }

    /// Enough tokens to fill the encoding: later words would be cut off anyway.
    var isFull: Bool { ids.count >= limit }

    mutating func appendWord(_ id: Int32, _ range: Range<Int>) {
        appendPiece(id, range, startsWord: true)
    }

    mutating func appendPiece(_ id: Int32, _ range: Range<Int>, startsWord: Bool) {
        if startsWord { wordCount += 1 }
        ids.append(id)
        offsets.append(range)
        words.append(wordCount - 1)
    }

    /// Takes back the pieces of the current word, from token `mark` on.
    mutating func removeWord(from mark: Int) {
        guard mark < ids.count else { return }
        ids.removeSubrange(mark...)
        offsets.removeSubrange(mark...)
        words.removeSubrange(mark...)
        wordCount -= 1
    }

    /// Keeps the first `limit` tokens (the reference's truncation of a single text).
    mutating func truncate() {
        guard ids.count > limit else { return }
        ids.removeSubrange(limit...)
        offsets.removeSubrange(limit...)
        words.removeSubrange(limit...)
    }
}
