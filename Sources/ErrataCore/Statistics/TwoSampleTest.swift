import Foundation

/// A slice's error against the rest's: the difference, its 95% interval and a two-sided
/// p-value. Undefined parts are nil (shown as "—", null in JSON).
public struct TwoSampleTest: Sendable, Equatable {
    public var delta: Double
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pValue: Double?

    /// Error rates (0/1 errors): `errors` of `size` in the slice against `restErrors` of
    /// `restSize`. The p-value is the pooled two-proportion z-test (scipy/statsmodels'
    /// `proportions_ztest`); it is computed for every slice the search examines, where an
    /// exact test would cost a hypergeometric sum each. The interval is Newcombe's hybrid
    /// score interval (Newcombe 1998, method 10) from the two Wilson intervals, which stays
    /// within [-1, 1] and is defined for any sizes of at least 1, where the Wald interval
    /// collapses at rates of 0 or 1. With either group empty the test is undefined.
    public static func proportions(errors: Double, size: Int, restErrors: Double, restSize: Int) -> TwoSampleTest {
        guard size > 0, restSize > 0 else { return TwoSampleTest(delta: .nan, ciLow: nil, ciHigh: nil, pValue: nil) }
        let n1 = Double(size), n2 = Double(restSize)
        let p1 = errors / n1, p2 = restErrors / n2
        let delta = p1 - p2
        let a = wilsonInterval(successes: Int(errors), total: size), b = wilsonInterval(successes: Int(restErrors), total: restSize)
        let low = delta - ((p1 - a.lower) * (p1 - a.lower) + (b.upper - p2) * (b.upper - p2)).squareRoot()
        let high = delta + ((a.upper - p1) * (a.upper - p1) + (p2 - b.lower) * (p2 - b.lower)).squareRoot()
        let pooled = (errors + restErrors) / (n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        let p: Double? = se > 0 ? erfc(abs(delta / se) / 2.0.squareRoot()) : nil
        return TwoSampleTest(delta: delta, ciLow: low, ciHigh: high, pValue: p)
    }

    /// Mean errors (graded errors): Welch's t-test and interval from each group's size, sum
    /// and sum of squares (scipy's `ttest_ind(equal_var=False)`). Needs two rows a group and
    /// some variance; otherwise the interval and p-value are nil.
    public static func welch(_ slice: SliceTotals, rest: SliceTotals) -> TwoSampleTest {
        guard slice.size > 0, rest.size > 0 else { return TwoSampleTest(delta: .nan, ciLow: nil, ciHigh: nil, pValue: nil) }
        let n1 = Double(slice.size), n2 = Double(rest.size)
        let m1 = slice.errorSum / n1, m2 = rest.errorSum / n2
        let delta = m1 - m2
        guard slice.size >= 2, rest.size >= 2 else { return TwoSampleTest(delta: delta, ciLow: nil, ciHigh: nil, pValue: nil) }
        let v1 = max(0, (slice.errorSquares - n1 * m1 * m1) / (n1 - 1)) / n1
        let v2 = max(0, (rest.errorSquares - n2 * m2 * m2) / (n2 - 1)) / n2
        let se = (v1 + v2).squareRoot()
        guard se > 0 else { return TwoSampleTest(delta: delta, ciLow: nil, ciHigh: nil, pValue: nil) }
        let df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        let t = StudentT(degreesOfFreedom: df)
        let half = t.quantile(0.975) * se
        return TwoSampleTest(delta: delta, ciLow: delta - half, ciHigh: delta + half, pValue: t.twoSidedTail(delta / se))
    }
}
