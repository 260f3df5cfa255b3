/// How faithful an attribution is to the model (DeYoung et al. 2020, ERASER; thresholds as
/// in ferret): how much the explained probability falls when the top-ranked tokens are removed
/// (comprehensiveness, high is good) or kept alone (sufficiency, low is good), at 10 %, 20 %,
/// …, 100 % of the tokens, and the means over those thresholds (AOPC). A value type of the
/// core so that explanations carry it to the workbench and the cache; Attribution computes it
/// (`init(of:probabilities:)` there).
public struct FaithfulnessScores: Sendable, Equatable, Codable {
    /// The percentages evaluated (a subset of 10, 20, …, 100: those that select a token).
    public var percentages: [Int]
    /// The number of top tokens at each percentage.
    public var tokenCounts: [Int]
    public var comprehensiveness: [Double]
    public var sufficiency: [Double]
    /// p(x), the probability with every token present.
    public var probability: Double

    public init(percentages: [Int], tokenCounts: [Int], comprehensiveness: [Double], sufficiency: [Double], probability: Double) {
        self.percentages = percentages
        self.tokenCounts = tokenCounts
        self.comprehensiveness = comprehensiveness
        self.sufficiency = sufficiency
        self.probability = probability
    }

    /// The area over the perturbation curve: the mean comprehensiveness.
    public var aopcComprehensiveness: Double { comprehensiveness.reduce(0, +) / Double(comprehensiveness.count) }
    /// The mean sufficiency.
    public var aopcSufficiency: Double { sufficiency.reduce(0, +) / Double(sufficiency.count) }

    enum CodingKeys: String, CodingKey {
        case percentages, comprehensiveness, sufficiency, probability
        case tokenCounts = "token_counts", aopcComprehensiveness = "aopc_comprehensiveness", aopcSufficiency = "aopc_sufficiency"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(percentages: try c.decode([Int].self, forKey: .percentages), tokenCounts: try c.decode([Int].self, forKey: .tokenCounts),
                  comprehensiveness: try c.decode([Double].self, forKey: .comprehensiveness),
                  sufficiency: try c.decode([Double].self, forKey: .sufficiency), probability: try c.decode(Double.self, forKey: .probability))
    }

    /// Writes the AOPC means too, so scripts need not recompute them.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(percentages, forKey: .percentages)
        try c.encode(tokenCounts, forKey: .tokenCounts)
        try c.encode(comprehensiveness, forKey: .comprehensiveness)
        try c.encode(sufficiency, forKey: .sufficiency)
        try c.encode(probability, forKey: .probability)
        try c.encode(aopcComprehensiveness, forKey: .aopcComprehensiveness)
        try c.encode(aopcSufficiency, forKey: .aopcSufficiency)
    }
}
