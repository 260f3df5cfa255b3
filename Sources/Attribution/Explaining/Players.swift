/// What an explanation scores: each word piece, or each whole word (its pieces merged),
/// never `[CLS]` and `[SEP]`.
public struct Players: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        case tokens, words
    }

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

    public var count: Int { tokenRanges.count }
}

/// How a player is hidden from the model when it is not in a coalition: replaced by a
/// special token (at token-id level, so the other tokens never change, unlike re-tokenizing
/// masked text), or deleted.
public enum Masking: String, Sendable, CaseIterable {
    case mask, pad, unk, delete
}
