import ErrataCore

/// What an explanation scores: each word piece, or each whole word (its pieces merged),
/// never `[CLS]` and `[SEP]`.
public struct Players: Sendable, Equatable {
    public typealias Unit = ExplanationUnit

    /// The token positions of each player, in order and contiguous.
    public let tokenRanges: [Range<Int>]
    /// Each player's text and scalar offsets in the original text.
    public let texts: [String]
    public let offsets: [Range<Int>]

    public init(encoding: Encoding, text: String, unit: Unit) {
        switch unit {
        case .tokens:
            let positions = encoding.wordIndices.indices.filter { encoding.wordIndices[$0] != nil }
            tokenRanges = positions.map { $0 ..< $0 + 1 }
            offsets = positions.map { encoding.offsets[$0] }
        case .words:
            let words = encoding.words
            tokenRanges = words.map(\.tokens)
            offsets = words.map(\.offsets)
        }
        texts = offsets.map { String(Encoding.substring(text, $0)) }
    }

    /// Players that are spans of `text` with no tokenizer behind them (the bag-of-words
    /// model's words): one position each.
    public init(text: String, offsets: [Range<Int>]) {
        tokenRanges = offsets.indices.map { $0 ..< $0 + 1 }
        self.offsets = offsets
        texts = offsets.map { String(Encoding.substring(text, $0)) }
    }

    public var count: Int { tokenRanges.count }
}

/// How a player is hidden from the model: the core's list (`ExplanationMasking`), named as
/// the engine has always named it.
public typealias Masking = ExplanationMasking
