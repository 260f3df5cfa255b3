import Testing
@testable import ErrataCore

/// Reference values from scipy 1.17.1 and statsmodels 0.15.0:
/// `2 * scipy.stats.t.sf(abs(t), df)`, `scipy.stats.t.ppf(0.975, df)`,
/// `scipy.stats.ttest_ind(a, b, equal_var=False)` with its `confidence_interval(0.95)`,
/// `statsmodels.stats.proportion.proportions_ztest([x1, x2], [n1, n2])` and
/// `confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")`.
struct TwoSampleTestTests {
    @Test(arguments: [
        (1.0, 2.0, 0.2951672353008665, 12.706204736174694),
        (3.5, 1.2, 0.3050144853778645, 2.9400886379827282),
        (10, -2.5, 0.03144684423660882, 2.228138851986274),
        (57.3, 0.3, 0.7652628166007448, 2.002238268231336),
        (1e5, 1.96, 0.04999856319430168, 1.9599877075346095),
        (2.2, 15.0, 0.002941134917514111, 3.948720749712723),
    ])
    func studentTMatchesScipy(df: Double, t: Double, tail: Double, quantile: Double) {
        let distribution = StudentT(degreesOfFreedom: df)
        #expect(abs(distribution.twoSidedTail(t) - tail) <= 1e-9 * tail)
        #expect(abs(distribution.quantile(0.975) - quantile) <= 1e-9 * quantile)
    }

    @Test func welchMatchesScipy() {
        let a = [0.1, 0.5, 0.9, 0.3, 0.7], b = [0.2, 0.1, 0.0, 0.4, 0.3, 0.2, 0.1]
        func totals(_ x: [Double]) -> SliceTotals {
            SliceTotals(size: x.count, errorSum: x.reduce(0, +), errorSquares: x.reduce(0) { $0 + $1 * $1 }, maxError: x.max()!)
        }
        let test = TwoSampleTest.welch(totals(a), rest: totals(b))
        #expect(abs(test.pValue! - 0.09025711084168869) <= 1e-12)
        #expect(abs(test.ciLow! - -0.07100324065216407) <= 1e-12)
        #expect(abs(test.ciHigh! - 0.6995746692235927) <= 1e-12)
    }

    @Test(arguments: [
        (30, 100, 40, 400, 2.5310004557019443e-07, 0.11237076439056735, 0.29923442908078735),
        (1, 2, 0, 5, 0.08766879512992924, -0.09428945416135359, 0.9054687942657693),
        (0, 40, 3, 60, 0.15102615479062906, -0.1370051647634852, 0.043577241915026516),
        (45, 50, 100, 1000, 1.2468511498326e-57, 0.6846241470153447, 0.859051471347736),
    ])
    func proportionsMatchStatsmodels(x1: Int, n1: Int, x2: Int, n2: Int, p: Double, low: Double, high: Double) {
        let test = TwoSampleTest.proportions(errors: Double(x1), size: n1, restErrors: Double(x2), restSize: n2)
        #expect(abs(test.pValue! - p) <= 1e-9 * p)
        #expect(abs(test.ciLow! - low) <= 1e-9)
        #expect(abs(test.ciHigh! - high) <= 1e-9)
        #expect(test.delta == Double(x1) / Double(n1) - Double(x2) / Double(n2))
    }

    /// Undefined, not invented: an empty rest, a single row, no variance.
    @Test func undefinedValuesAreNil() {
        let empty = TwoSampleTest.proportions(errors: 3, size: 10, restErrors: 0, restSize: 0)
        #expect(empty.pValue == nil && empty.ciLow == nil && empty.delta.isNaN)
        let noErrors = TwoSampleTest.proportions(errors: 0, size: 10, restErrors: 0, restSize: 20)
        #expect(noErrors.pValue == nil && noErrors.delta == 0 && noErrors.ciLow! < 0 && noErrors.ciHigh! > 0)
        let one = SliceTotals(size: 1, errorSum: 0.5, errorSquares: 0.25, maxError: 0.5)
        let many = SliceTotals(size: 5, errorSum: 1, errorSquares: 0.3, maxError: 0.4)
        #expect(TwoSampleTest.welch(one, rest: many).pValue == nil)
        #expect(TwoSampleTest.welch(one, rest: many).delta == 0.5 - 0.2)
        let flat = SliceTotals(size: 4, errorSum: 2, errorSquares: 1, maxError: 0.5)
        #expect(TwoSampleTest.welch(flat, rest: flat).pValue == nil)
    }

    /// Holm's adjustment of one member of a large family equals adjusting them all.
    @Test func holmFamilyMatchesFullAdjustment() {
        let p = [0.01, 0.04, 0.03, 0.005, 0.04, 0.5, 1, 0.2]
        let family = HolmFamily(p)
        #expect(p.map(family.adjusted) == holmAdjusted(p))
    }
}
