/// A text as the model sees it: `[CLS]`, the word pieces, `[SEP]`, and where each piece came from.
///
/// Offsets count Unicode scalars of the original text (Python's string indices, hence the
/// reference tokenizer's `offset_mapping`), so they survive the normaliser's removals and
/// expansions. `[CLS]` and `[SEP]` have the empty range `0..<0`.
public struct Encoding: Sendable, Equatable {
    public var ids: [Int32]
    public var tokens: [String]
    /// Scalar offsets of each token in the original text.
    public var offsets: [Range<Int>]
    /// The word each token belongs to, counted from 0 (the reference's `word_ids()`); nil for
    /// `[CLS]` and `[SEP]`. A word is a run of letters and digits, one punctuation sign, one CJK
    /// ideograph, or a special token written in the text.
    public var wordIndices: [Int?]

    public var count: Int { ids.count }

    /// The words with the tokens they were split into, in order: what word-level attributions sum over.
    public var words: [Word] {
        var words: [Word] = []
        for (token, word) in wordIndices.enumerated() {
            guard let word else { continue }
            if word == words.count {
                words.append(Word(tokens: token..<token + 1, offsets: offsets[token]))
            } else {
                words[word].tokens = words[word].tokens.lowerBound..<token + 1
                let end = max(words[word].offsets.upperBound, offsets[token].upperBound)
                words[word].offsets = words[word].offsets.lowerBound..<end
            }
        }
        return words
    }

    /// The text a token or word covers, given scalar `offsets` into `text`.
    public static func substring(_ text: String, _ offsets: Range<Int>) -> Substring {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: offsets.lowerBound)
        let end = scalars.index(start, offsetBy: offsets.count)
        return Substring(scalars[start..<end])
    }

    /// A word of an encoding: its tokens (indices into the encoding) and its scalar offsets in the text.
    public struct Word: Sendable, Equatable {
        public var tokens: Range<Int>
        public var offsets: Range<Int>
    }
}
