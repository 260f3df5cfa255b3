/// Pearson's r and Kendall's tau-b between two paired samples, as `scipy.stats.pearsonr` and
/// `scipy.stats.kendalltau` (its default, `variant='b'`) compute them.
///
/// Undefined values are nil: fewer than two pairs, or a sample without variation (every
/// value equal, or every pair tied), where the coefficient would divide by zero. Values are
/// finite numbers: callers leave out pairs with a missing (NaN) score.
public enum Correlation {
    /// Pearson's product-moment correlation; nil for n < 2 or a constant sample.
    ///
    /// - Complexity: O(n), two passes (centring first keeps large offsets exact).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples")
        let n = x.count
        guard n >= 2 else { return nil }
        let mx = x.reduce(0, +) / Double(n), my = y.reduce(0, +) / Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0 ..< n {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        // One square root of the product: sqrt(s * s) is s exactly, so r(x, x) is exactly 1.
        return min(1, max(-1, sxy / (sxx * syy).squareRoot()))
    }

    /// Kendall's tau-b: (concordant - discordant) / sqrt((pairs - x ties) (pairs - y ties));
    /// nil for n < 2 or when every pair is tied in x or in y.
    ///
    /// - Complexity: O(n log n) (Knight's method: sort by x, then count the pairs out of
    ///   order in y with a Fenwick tree), so a million segment scores take a second, not days.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples")
        let n = x.count
        guard n >= 2 else { return nil }
        let yRank = denseRanks(y)
        let order = (0 ..< n).sorted { x[$0] != x[$1] ? x[$0] < x[$1] : yRank[$0] < yRank[$1] }
        let total = n * (n - 1) / 2
        var xTies = 0, jointTies = 0
        var run = 1, jointRun = 1
        for k in 1 ... n {
            let sameX = k < n && x[order[k]] == x[order[k - 1]]
            let sameY = k < n && yRank[order[k]] == yRank[order[k - 1]]
            if sameX { run += 1 } else { xTies += run * (run - 1) / 2; run = 1 }
            if sameX && sameY { jointRun += 1 } else { jointTies += jointRun * (jointRun - 1) / 2; jointRun = 1 }
        }
        var yCounts = [Int](repeating: 0, count: (yRank.max() ?? 0) + 1)
        for r in yRank { yCounts[r] += 1 }
        let yTies = yCounts.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        guard xTies < total, yTies < total else { return nil }

        // Discordant pairs: for each element, the earlier ones (smaller x) with a larger y.
        var tree = FenwickTree(size: yCounts.count)
        var discordant = 0, seen = 0, start = 0
        while start < n {
            var end = start
            while end < n && x[order[end]] == x[order[start]] { end += 1 }
            for k in start ..< end { discordant += seen - tree.count(upTo: yRank[order[k]]) }
            for k in start ..< end { tree.add(at: yRank[order[k]]) }
            seen += end - start
            start = end
        }
        let difference = Double(total - xTies - yTies + jointTies - 2 * discordant)
        let tau = difference / (Double(total - xTies) * Double(total - yTies)).squareRoot()
        return min(1, max(-1, tau))
    }

    /// Ranks 1, 2, ... of the distinct values, equal values sharing one.
    private static func denseRanks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        var rank = 0
        for (k, i) in order.enumerated() {
            if k == 0 || values[i] != values[order[k - 1]] { rank += 1 }
            ranks[i] = rank
        }
        return ranks
    }
}

/// Counts of ranks 1...size-1 seen so far, with prefix counts in O(log size).
private struct FenwickTree {
    private var counts: [Int]

    init(size: Int) { counts = [Int](repeating: 0, count: size) }

    mutating func add(at rank: Int) {
        var i = rank
        while i < counts.count {
            counts[i] += 1
            i += i & -i
        }
    }

    /// How many ranks in 1...rank were added.
    func count(upTo rank: Int) -> Int {
        var i = rank, total = 0
        while i > 0 {
            total += counts[i]
            i &= i - 1
        }
        return total
    }
}
