import Testing
@testable import ErrataCore

/// chrF (β = 2, six character orders, no word n-grams) from summed `[hyp, ref, match]` counts,
/// as sacrebleu 2.x's `CHRF._compute_f_score` defines it without eps smoothing: precision and
/// recall are averaged over orders where both counts are positive, then combined.
/// Test-only, to check the paired test against sacrebleu on precomputed statistics.
struct FixtureChrF: CorpusMetric {
    var name: String { "chrf" }
    var statisticsCount: Int { 18 }
    var higherIsBetter: Bool { true }

    func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        var precision = 0.0, recall = 0.0, orders = 0.0
        for order in 0 ..< 6 {
            let hypothesis = statistics[3 * order], reference = statistics[3 * order + 1], match = statistics[3 * order + 2]
            guard hypothesis > 0, reference > 0 else { continue }
            precision += match / hypothesis
            recall += match / reference
            orders += 1
        }
        guard orders > 0 else { return 0 }
        precision /= orders
        recall /= orders
        guard precision + recall > 0 else { return 0 }
        return 100 * 5 * precision * recall / (4 * precision + recall)
    }
}

@Suite struct PairedBootstrapTests {
    /// `Fixtures/statistics/chrf_paired.json`, written by `chrf_paired.py` with sacrebleu 2.6.0.
    struct ChrFFixture: Decodable {
        struct System: Decodable {
            let name: String
            let statistics: [[Double]]
            let score: Double
            let ciHalfWidthMean: Double
        }
        let segments: Int
        let resamples: Int
        let seeds: Int
        let systems: [System]

        func matrix(_ index: Int) -> StatisticsMatrix {
            StatisticsMatrix(width: 18, values: systems[index].statistics.flatMap { $0 })
        }
    }

    static let mean = MeanMetric(name: "mean")

    @Test func identicalSystemsGiveAZeroWidthDeltaInterval() {
        let data = BootstrapTests.bernoulli(successes: 40, total: 100)
        let comparison = pairedBootstrap(metric: Self.mean, baseline: data, system: data, rows: Array(0 ..< 100), resamples: 500)
        #expect(comparison.delta == 0)
        #expect(comparison.deltaInterval.lower == 0 && comparison.deltaInterval.upper == 0)
    }

    @Test func clearlyBetterSystemHasAnIntervalAboveZero() {
        // Baseline right on 50% of 400 rows, system on those and 60 more.
        let baseline = BootstrapTests.bernoulli(successes: 200, total: 400)
        let system = BootstrapTests.bernoulli(successes: 260, total: 400)
        let comparison = pairedBootstrap(metric: Accuracy(), baseline: baseline, system: system, rows: Array(0 ..< 400))
        #expect(comparison.baselineScore == 0.5 && comparison.systemScore == 0.65)
        #expect(close(comparison.delta, 0.15, relative: 1e-12))
        #expect(comparison.deltaInterval.lower > 0.1 && comparison.deltaInterval.upper < 0.2)
    }

    @Test func agreesWithSacrebleuOnWMT17ChrF() throws {
        let fixture: ChrFFixture = try StatisticsFixtures.load("chrf_paired")
        #expect(fixture.segments == 500 && fixture.systems.count == 4)
        let metric = FixtureChrF()
        let rows = Array(0 ..< fixture.segments)
        let baseline = fixture.matrix(0)
        let resamples = 10_000
        for index in 0 ..< 4 {
            let system = fixture.systems[index]
            let matrix = fixture.matrix(index)
            #expect(close(metric.score(matrix.sum(rows: rows)), system.score, relative: 1e-12), "\(system.name) score")

            // Single-system interval: sacrebleu's half-width (order statistics n/40 from each end,
            // mean over seeds) against ours; Monte Carlo error of either is about 0.02 here.
            let interval = bootstrapInterval(metric: metric, statistics: matrix, rows: rows, resamples: resamples)
            #expect(abs((interval.upper - interval.lower) / 2 - system.ciHalfWidthMean) < 0.06,
                    "\(system.name): half-width \((interval.upper - interval.lower) / 2) vs sacrebleu \(system.ciHalfWidthMean)")
            let comparison = pairedBootstrap(metric: metric, baseline: baseline, system: matrix, rows: rows, resamples: 1000)
            #expect(close(comparison.delta, system.score - fixture.systems[0].score, relative: 1e-10))
        }
    }
}
