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

    public func values(of coalitions: [[Bool]]) throws -> [Double] {
        let outputs = classifier.encoder.forward(batch: coalitions.map(ids(for:)))
        return outputs.map { classifier.head.value(of: target, pooled: $0.pooled) }
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
