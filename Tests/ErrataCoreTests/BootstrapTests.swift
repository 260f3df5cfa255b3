import Testing
@testable import ErrataCore

@Suite struct BootstrapTests {
    /// `successes` ones then zeros, as `MeanMetric` statistics.
    static func bernoulli(successes: Int, total: Int) -> StatisticsMatrix {
        StatisticsFixtures.matrix(rows: total, width: 2) { row, statistics in
            MeanMetric.statistics(value: row < successes ? 1 : 0, into: statistics)
        }
    }

    static let mean = MeanMetric(name: "mean")

    @Test func quantilesMatchNumpyLinearInterpolation() throws {
        for value in try ReferenceValues.load().quantiles {
            let sorted = value.values.sorted()
            for (level, expected) in zip(value.levels, value.quantiles) {
                let q = interpolatedQuantile(sorted: sorted, level)
                #expect(close(q, expected, relative: 1e-14, absolute: 1e-15), "q=\(level): \(q) vs numpy \(expected)")
            }
        }
        // Hand-computed: positions (5-1) 0.3 = 1.2 -> 20 + 0.2 (30 - 20).
        #expect(close(interpolatedQuantile(sorted: [10.0, 20, 30, 40, 50], 0.3), 22, relative: 1e-15))
        #expect(interpolatedQuantile(sorted: [Double](), 0.5).isNaN)
        let interval = percentileInterval([.nan, 4, 1, 3, 2, 5], confidence: 0.5)
        #expect(interval.lower == 2 && interval.upper == 4)
    }

    @Test func sameSeedSameIntervalOtherSeedOtherInterval() {
        let data = Self.bernoulli(successes: 300, total: 1000)
        let rows = Array(0 ..< 1000)
        let first = bootstrapInterval(metric: Self.mean, statistics: data, rows: rows, seed: 9)
        let again = bootstrapInterval(metric: Self.mean, statistics: data, rows: rows, seed: 9)
        let other = bootstrapInterval(metric: Self.mean, statistics: data, rows: rows, seed: 10)
        #expect(first == again)
        #expect(first != other)
        #expect(first.estimate == 0.3 && first.confidence == 0.95)
    }

    @Test func resamplesFollowTheDocumentedChunkedStreams() {
        // A serial re-derivation of resample r: chunk r / chunkSize's stream, draws in order.
        // Integer statistics keep every sum exact, so the order of additions cannot show.
        let data = StatisticsFixtures.matrix(rows: 50, width: 2) { row, statistics in
            MeanMetric.statistics(value: Double(row * row % 17), into: statistics)
        }
        let resamples = 3 * BootstrapResampler<MeanMetric>.chunkSize + 5
        let scores = BootstrapResampler(metric: Self.mean, slice: data, blocks: 1).scores(resamples: resamples, seed: 77)
        var expected: [Double] = []
        var generator = SeededGenerator(seed: 77)
        for resample in 0 ..< resamples {
            let chunkSize = BootstrapResampler<MeanMetric>.chunkSize
            if resample % chunkSize == 0 { generator = SeededGenerator(seed: 77, stream: UInt64(resample / chunkSize)) }
            let drawn = (0 ..< 50).map { _ in generator.nextIndex(below: 50) }
            expected.append(Self.mean.score(data.sum(rows: drawn)))
        }
        #expect(scores == expected)
    }

    @Test func rowsDrawnMoreThan255TimesStillCountFully() {
        // 300 rows; the tally's byte counter for row 7 wraps once, row 9 stays small.
        let data = StatisticsFixtures.matrix(rows: 300, width: 2) { row, statistics in
            statistics[0] = Double(row)
            statistics[1] = 0.5
        }
        let kernel = ResampleKernel(slice: data)
        var counts = [UInt8](repeating: 0, count: 300), sums = [0.0, 0.0]
        var drawn = 0
        counts.withUnsafeMutableBufferPointer { counts in
            sums.withUnsafeMutableBufferPointer { sums in
                kernel.sumDrawnRows(counts: counts, sums: sums) {
                    drawn += 1
                    return drawn <= 290 ? 7 : 9
                }
            }
        }
        #expect(drawn == 300)
        #expect(sums == [290 * 7 + 10 * 9, 150])
    }

    @Test func intervalContainsTheEstimateAndShrinksLikeOneOverRootN() {
        let small = Self.bernoulli(successes: 250, total: 500)
        let large = Self.bernoulli(successes: 4000, total: 8000)
        let a = bootstrapInterval(metric: Self.mean, statistics: small, rows: Array(0 ..< 500))
        let b = bootstrapInterval(metric: Self.mean, statistics: large, rows: Array(0 ..< 8000))
        #expect(a.contains(a.estimate) && b.contains(b.estimate))
        let ratio = (a.upper - a.lower) / (b.upper - b.lower)
        #expect(ratio > 3.5 && ratio < 4.5, "width ratio \(ratio), expected about √16 = 4")
    }

    @Test func bernoulliIntervalIsCloseToTheNormalApproximation() {
        // p̂ = 0.3, n = 2000: 0.3 ± 1.959964 √(0.21 / 2000) = [0.27992, 0.32008].
        let data = Self.bernoulli(successes: 600, total: 2000)
        let interval = bootstrapInterval(metric: Self.mean, statistics: data, rows: Array(0 ..< 2000))
        let half = 1.959963984540054 * (0.21 / 2000).squareRoot()
        #expect(abs(interval.lower - (0.3 - half)) < 0.005, "\(interval)")
        #expect(abs(interval.upper - (0.3 + half)) < 0.005, "\(interval)")
    }

    @Test func slicesResampleOnlyTheirRows() {
        // Rows 0..<100 are 1, the rest 0: a slice of ones has a degenerate interval at 1.
        let data = Self.bernoulli(successes: 100, total: 1000)
        let interval = bootstrapInterval(metric: Self.mean, statistics: data, rows: Array(0 ..< 100), resamples: 50)
        #expect(interval.estimate == 1 && interval.lower == 1 && interval.upper == 1)
        let empty = bootstrapInterval(metric: Self.mean, statistics: data, rows: [])
        #expect(empty.estimate.isNaN && empty.lower.isNaN && empty.upper.isNaN)
    }

    @Test func resamplesOfOnlyMissingValuesAreLeftOut() {
        // One value among 3 missing: some resamples hold no value (NaN) and are skipped.
        let values: [Double?] = [5, nil, nil, nil]
        let data = StatisticsFixtures.matrix(rows: 4, width: 2) { row, statistics in
            MeanMetric.statistics(value: values[row], into: statistics)
        }
        let interval = bootstrapInterval(metric: Self.mean, statistics: data, rows: [0, 1, 2, 3], resamples: 200)
        #expect(interval.estimate == 5 && interval.lower == 5 && interval.upper == 5)
    }
}
