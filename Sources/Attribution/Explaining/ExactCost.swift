import Foundation

/// What exact Shapley values of some texts would cost, so that a long enumeration is asked
/// for rather than started blind (17 words are 131,072 evaluations of the transformer).
public struct ExactCost: Sendable, Equatable {
    /// The most players of any text.
    public var players: Int
    /// 2^M summed over the texts.
    public var evaluations: Int
    /// The seconds the evaluations would take at the rate of a timed sample.
    public var seconds: Double

    public init(players: Int, evaluations: Int, seconds: Double) {
        self.players = players
        self.evaluations = evaluations
        self.seconds = seconds
    }

    /// Whether the command line asks before running them: beyond 14 players, when they take
    /// longer than `confirmationSeconds` (the bag-of-words model runs 2^16 in milliseconds).
    public var needsConfirmation: Bool {
        players > ExactShapley.playersWithoutConfirmation && seconds > Self.confirmationSeconds
    }

    public static let confirmationSeconds = 10.0
}

extension Explainer {
    /// The cost of exact Shapley values for `texts` under `options` (players, masking): the
    /// player counts (from the tokenizer alone), and the time of all 2^M evaluations at the
    /// rate of one timed batch of up to `sample` coalitions of the longest text, spread over
    /// its enumeration. A masked text costs the same whichever players it hides (under
    /// `delete` it is shorter, and the estimate an upper bound). Texts beyond
    /// `ExactShapley.playerLimit` players are left out: exact values refuse them.
    public func exactCost(_ texts: [String], options: Options, sample: Int = 256) throws -> ExactCost {
        let counts = texts.map { players(of: $0, unit: options.unit).count }.map { $0 <= ExactShapley.playerLimit ? $0 : 0 }
        guard let longest = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[longest] >= 1 else {
            return ExactCost(players: 0, evaluations: 0, seconds: 0)
        }
        let most = counts[longest], coalitionCount = 1 << most
        let timed = min(sample, coalitionCount)
        let coalitions = (0 ..< timed).map { k in
            let mask = k * (coalitionCount / timed)
            return (0 ..< most).map { mask & (1 << $0) != 0 }
        }
        let game = try subject(texts[longest], unit: options.unit).game(.probability(0), options.masking, options.precision)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try game.values(of: coalitions)
        let perEvaluation = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(timed)
        let evaluations = counts.reduce(0) { $0 + ($1 == 0 ? 0 : 1 << $1) }
        return ExactCost(players: most, evaluations: evaluations, seconds: perEvaluation * Double(evaluations))
    }

    /// The players of `text` under `unit`, from the tokenizer alone (no model evaluation).
    func players(of text: String, unit: Players.Unit) -> Players {
        switch model {
        case .transformer(let classifier): Players(encoding: classifier.tokenizer.encode(text), text: text, unit: unit)
        case .bagOfWords(let classifier): classifier.players(of: text).0
        }
    }
}
