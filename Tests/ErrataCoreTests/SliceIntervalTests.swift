import Testing
@testable import ErrataCore

@Suite struct SliceIntervalTests {
    static let settings = BootstrapSettings(resamples: 200)

    @Test func proportionsGetWilsonAtEveryN() {
        // 0 of 7 right: the Wilson interval [0, z²/(n + z²)] = [0, 0.3543], not [0, 0].
        let wrong = StatisticsMatrix(width: 2, values: (0 ..< 7).flatMap { _ in [0.0, 1] })
        let interval = sliceInterval(metric: Accuracy(), statistics: wrong, rows: Array(0 ..< 7), bootstrap: Self.settings)
        #expect(interval.value == 0 && interval.lower == 0 && interval.method == .wilson && interval.reason == nil)
        let z = 1.959963984540054
        #expect(abs((interval.upper ?? 0) - z * z / (7 + z * z)) < 1e-12)
        // One instance, right: Wilson [z⁰..] lower 1/(1 + z²) = 0.2065, upper 1.
        let one = sliceInterval(metric: ExactMatch(), statistics: StatisticsMatrix(width: 2, values: [1, 1]), rows: [0], bootstrap: Self.settings)
        #expect(abs((one.lower ?? 0) - 1 / (1 + z * z)) < 1e-12 && one.upper == 1)
    }

    @Test func corpusMetricsBelowTheMinimumGetNoInterval() {
        let chrf = ChrF()
        let values = (0 ..< 30).flatMap { _ in [Double](repeating: 1, count: chrf.statisticsCount) }
        let statistics = StatisticsMatrix(width: chrf.statisticsCount, values: values)
        let few = sliceInterval(metric: chrf, statistics: statistics, rows: Array(0 ..< minimumBootstrapInstances - 1), bootstrap: Self.settings)
        #expect(few.value != nil && few.lower == nil && few.upper == nil && few.method == nil)
        #expect(few.reason == "fewer than 20 instances: too few for a bootstrap interval")
        let enough = sliceInterval(metric: chrf, statistics: statistics, rows: Array(0 ..< minimumBootstrapInstances), bootstrap: Self.settings)
        #expect(enough.lower != nil && enough.method == .percentileBootstrap && enough.reason == nil)
    }

    @Test func emptySlicesAreUndefinedNotZero() {
        // chrF of no statistics scores 0; an empty slice must still be undefined.
        let chrf = ChrF()
        let statistics = StatisticsMatrix(rows: 3, width: chrf.statisticsCount)
        #expect(chrf.score(statistics.sum(rows: [Int]())) == 0)
        let empty = sliceInterval(metric: chrf, statistics: statistics, rows: [], bootstrap: Self.settings)
        #expect(empty == SliceInterval(reason: "no instances"))
    }

    @Test func resampleMinimumFollowsTheConfidence() {
        #expect(minimumResamples(confidence: 0.95) == 40)
        #expect(minimumResamples(confidence: 0.9) == 20)
    }
}

/// Many slices' bootstraps in one pass give each slice the interval it gets alone.
@Suite struct SliceIntervalBatchTests {
    @Test(arguments: [8 << 20, 100])
    func onePassEqualsOneSliceAtATime(batchValues: Int) {
        // Fractional values: the order of additions would show in the last bits.
        let mean = MeanMetric(name: "mean")
        let statistics = StatisticsFixtures.matrix(rows: 400, width: 2) { row, values in
            MeanMetric.statistics(value: row % 7 == 0 ? nil : Double(row * 37 % 101) / 7.3, into: values)
        }
        let requests: [(statistics: StatisticsMatrix, rows: [Int])] = [
            (statistics, Array(0 ..< 400)), (statistics, []), (statistics, Array(0 ..< 10)),
            (statistics, Array(stride(from: 1, to: 400, by: 3))), (statistics, [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77,
                                                                                 84, 91, 98, 105, 112, 119, 126, 133, 140]),
            (statistics, Array(200 ..< 260)),
        ]
        let settings = BootstrapSettings(resamples: 99, seed: 4)
        let together = sliceIntervals(metric: mean, of: requests, bootstrap: settings, batchValues: batchValues)
        let alone = requests.map { sliceInterval(metric: mean, statistics: $0.statistics, rows: $0.rows, bootstrap: settings) }
        #expect(together == alone)
        #expect(together.map(\.method) == [.percentileBootstrap, nil, nil, .percentileBootstrap, nil, .percentileBootstrap])
        #expect(together[4].reason == "mean is undefined on these instances")
        #expect(together[1].reason == "no instances")
    }
}
