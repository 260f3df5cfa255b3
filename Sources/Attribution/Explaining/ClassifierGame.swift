/// The classifier as a coalition game: v(S) is the target (a class's probability or logit)
/// on the text with the players outside S masked at token-id level.
public struct ClassifierGame: CoalitionGame {
    public let classifier: TextClassifier
    public let encoding: Encoding
    public let players: Players
    public let masking: Masking
    public let target: Target

    public init(classifier: TextClassifier, encoding: Encoding, players: Players, masking: Masking, target: Target) {
        self.classifier = classifier
        self.encoding = encoding
        self.players = players
        self.masking = masking
        self.target = target
    }

    public var playerCount: Int { players.count }

    /// The token ids with the players outside `coalition` masked or removed.
    public func ids(for coalition: [Bool]) -> [Int32] {
        var ids = encoding.ids
        var removed = [Bool](repeating: false, count: ids.count)
        let replacement: Int32 = switch masking {
        case .mask: classifier.tokenizer.maskID
        case .pad: classifier.tokenizer.padID
        case .unk, .delete: classifier.tokenizer.unkID
        }
        for (player, kept) in coalition.enumerated() where !kept {
            for position in players.tokenRanges[player] {
                if masking == .delete { removed[position] = true } else { ids[position] = replacement }
            }
        }
        return masking == .delete ? ids.indices.filter { !removed[$0] }.map { ids[$0] } : ids
    }

    /// Tokens (over all coalitions) per encoder call. The explainers ask for 256 to 1,024
    /// coalitions at once; of a 512-token text that would be up to half a million rows, and
    /// gigabytes of activations and attention maps. 8,192 rows bound one call to about 50 MB per
    /// `[rows, 1,536]` buffer and, at 512 tokens, 16 sequences' maps (200 MB a layer), while a
    /// batch of 256 coalitions of a usual sentence (25 tokens: 6,400 rows) stays one call.
    static let rowsPerCall = 8192

    public func values(of coalitions: [[Bool]]) throws -> [Double] {
        let sequences = coalitions.map(ids(for:))
        var values: [Double] = []
        values.reserveCapacity(sequences.count)
        for call in Self.calls(lengths: sequences.map(\.count), rows: Self.rowsPerCall) {
            values += classifier.encoder.forward(batch: Array(sequences[call])).map { classifier.head.value(of: target, pooled: $0.pooled) }
        }
        return values
    }

    /// Consecutive runs of sequences whose lengths add up to at most `rows`, in order; a
    /// sequence longer than that has a call of its own.
    static func calls(lengths: [Int], rows: Int) -> [Range<Int>] {
        var calls: [Range<Int>] = [], start = 0, total = 0
        for (index, length) in lengths.enumerated() {
            if index > start, total + length > rows {
                calls.append(start ..< index)
                (start, total) = (index, 0)
            }
            total += length
        }
        if start < lengths.count { calls.append(start ..< lengths.count) }
        return calls
    }
}

extension LinearHead {
    /// A class's logit, or its softmax probability.
    public func value(of target: Target, pooled: [Float]) -> Double {
        switch target {
        case .logit(let k): Double(logits(pooled)[k])
        case .probability(let k): Double(probabilities(pooled)[k])
        }
    }
}
