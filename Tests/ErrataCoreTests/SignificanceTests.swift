import Foundation
import Testing
@testable import ErrataCore

@Suite struct SignificanceTests {
    @Test func mcnemarHandComputedCases() {
        // b=1, c=9: 2 (C(10,0) + C(10,1)) / 2^10 = 22 / 1024.
        #expect(mcnemarExact(onlyFirstCorrect: 1, onlySecondCorrect: 9) == 0.021484375)
        #expect(mcnemarExact(onlyFirstCorrect: 9, onlySecondCorrect: 1) == 0.021484375)
        // b=0, c=5: 2 / 32.
        #expect(mcnemarExact(onlyFirstCorrect: 0, onlySecondCorrect: 5) == 0.0625)
        #expect(mcnemarExact(onlyFirstCorrect: 0, onlySecondCorrect: 0) == 1)
        #expect(mcnemarExact(onlyFirstCorrect: 4, onlySecondCorrect: 4) == 1)
    }

    @Test func mcnemarMatchesScipyBinomtest() throws {
        let reference = try ReferenceValues.load()
        #expect(reference.mcnemar.count == 12)
        for value in reference.mcnemar {
            let p = mcnemarExact(onlyFirstCorrect: value.b, onlySecondCorrect: value.c)
            #expect(close(p, value.p, relative: 1e-12), "b=\(value.b) c=\(value.c): \(p) vs scipy \(value.p)")
        }
    }

    @Test func logBinomialProbabilityIsExactForSmallCounts() {
        // C(10, 3) / 2^10 = 120 / 1024.
        #expect(close(logBinomialProbability(3, trials: 10, probability: 0.5), log(120.0 / 1024), relative: 1e-14))
        // C(40, 17) 0.3^17 0.7^23.
        let direct = log(88_732_378_800.0) + 17 * log(0.3) + 23 * log(0.7)
        #expect(close(logBinomialProbability(17, trials: 40, probability: 0.3), direct, relative: 1e-13))
    }

    @Test func holmHandComputedCase() {
        // Sorted 0.01, 0.03, 0.04 -> 3(0.01), 2(0.03), max(0.06, 1(0.04)).
        let adjusted = holmAdjusted([0.01, 0.04, 0.03])
        #expect(zip(adjusted, [0.03, 0.06, 0.06]).allSatisfy { close($0, $1, relative: 1e-15) }, "\(adjusted)")
        #expect(holmAdjusted([]) == [])
        #expect(holmAdjusted([0.6, 0.7]) == [1, 1])
    }

    @Test func holmMatchesStatsmodels() throws {
        for value in try ReferenceValues.load().holm {
            let adjusted = holmAdjusted(value.p)
            #expect(adjusted.count == value.adjusted.count)
            #expect(zip(adjusted, value.adjusted).allSatisfy { close($0, $1, relative: 1e-14) },
                    "\(value.p): \(adjusted) vs statsmodels \(value.adjusted)")
        }
    }

    @Test func wilsonMatchesStatsmodels() throws {
        for value in try ReferenceValues.load().wilson {
            let interval = wilsonInterval(successes: value.successes, total: value.total, confidence: value.confidence)
            #expect(close(interval.lower, value.lower, relative: 1e-12, absolute: 1e-15), "\(value) -> \(interval)")
            #expect(close(interval.upper, value.upper, relative: 1e-12, absolute: 1e-15), "\(value) -> \(interval)")
            #expect(interval.estimate == Double(value.successes) / Double(value.total))
        }
    }

    @Test func wilsonHandComputedCaseAndEmpty() {
        // 5 of 10 at z = 1.959963984540054: centre 0.5, half-width z sqrt(0.025 + z²/400) / (1 + z²/10).
        let z = 1.959963984540054
        let half = z * (0.025 + z * z / 400).squareRoot() / (1 + z * z / 10)
        let interval = wilsonInterval(successes: 5, total: 10)
        #expect(close(interval.lower, 0.5 - half, relative: 1e-14))
        #expect(close(interval.upper, 0.5 + half, relative: 1e-14))
        #expect(wilsonInterval(successes: 0, total: 10).lower == 0)
        #expect(wilsonInterval(successes: 10, total: 10).upper == 1)
        let empty = wilsonInterval(successes: 0, total: 0)
        #expect(empty.estimate.isNaN && empty.lower == 0 && empty.upper == 1)
    }

    @Test func normalQuantileKnownValues() {
        #expect(close(normalQuantile(0.975), 1.959963984540054, relative: 1e-15))
        #expect(close(normalQuantile(0.5), 0, relative: 0, absolute: 1e-16))
        #expect(close(normalQuantile(0.001), -3.090232306167813, relative: 1e-14))
        #expect(close(normalQuantile(0.995), 2.5758293035489004, relative: 1e-14))
    }
}
