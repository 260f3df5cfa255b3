/// How far two explanations of the same tokens agree on what matters: Spearman's rank
/// correlation of the scores, and the overlap of the k tokens with the largest |score|.
public struct RankAgreement: Sendable, Equatable {
    public var spearman: Double?
    public var topK: Int
    public var overlap: Int

    /// Nil when the two do not score the same number of tokens (different units).
    public init?(_ a: [Double], _ b: [Double], k: Int = 5) {
        guard a.count == b.count, !a.isEmpty else { return nil }
        spearman = Self.pearson(Self.ranks(a), Self.ranks(b))
        let k = min(k, a.count)
        func top(_ scores: [Double]) -> Set<Int> {
            Set(scores.indices.sorted { abs(scores[$0]) > abs(scores[$1]) || (abs(scores[$0]) == abs(scores[$1]) && $0 < $1) }.prefix(k))
        }
        topK = k
        overlap = top(a).intersection(top(b)).count
    }

    /// Ranks from 1, ties sharing their mean rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for i in start ... end { ranks[order[i]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }

    /// Pearson's correlation; nil when either side has no spread (one token, or all tied).
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
