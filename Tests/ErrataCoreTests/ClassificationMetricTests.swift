import Testing
@testable import ErrataCore

@Suite struct ClassificationMetricTests {
    static func classMatrix(classCount: Int, gold: [Int], predicted: [Int]) -> StatisticsMatrix {
        StatisticsFixtures.matrix(rows: gold.count, width: ClassCounts.width(classCount: classCount)) { row, statistics in
            MacroF1.statistics(gold: gold[row], predicted: predicted[row], into: statistics)
        }
    }

    @Test func macroAndMicroF1MatchScikitLearn() throws {
        let cases = try ReferenceValues.load().f1
        #expect(cases.count == 4)
        for value in cases {
            let matrix = Self.classMatrix(classCount: value.classCount, gold: value.gold, predicted: value.predicted)
            let sums = matrix.sum(rows: 0 ..< matrix.rows)
            let macro = MacroF1(classCount: value.classCount).score(sums)
            let micro = MicroF1(classCount: value.classCount).score(sums)
            #expect(close(macro, value.macro, relative: 1e-14), "macro \(macro) vs sklearn \(value.macro)")
            #expect(close(micro, value.micro, relative: 1e-14), "micro \(micro) vs sklearn \(value.micro)")
        }
    }

    @Test func macroF1HandComputedCaseIgnoresAbsentClasses() {
        // Gold 0 0 1 1, predicted 0 1 1 1, classes 0-4: class 0 tp1 fn1 -> 2/3; class 1 tp2 fp1 -> 4/5.
        let matrix = Self.classMatrix(classCount: 5, gold: [0, 0, 1, 1], predicted: [0, 1, 1, 1])
        let sums = matrix.sum(rows: 0 ..< 4)
        #expect(sums == [1, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(close(MacroF1(classCount: 5).score(sums), (2.0 / 3 + 4.0 / 5) / 2, relative: 1e-15))
        #expect(close(MicroF1(classCount: 5).score(sums), 0.75, relative: 1e-15))
        #expect(MacroF1(classCount: 5).score(matrix.sum(rows: [Int]())).isNaN)
        #expect(MicroF1(classCount: 5).score(matrix.sum(rows: [Int]())).isNaN)
        // A class only ever predicted wrongly counts with F1 0.
        let wrong = Self.classMatrix(classCount: 3, gold: [0, 0], predicted: [0, 2])
        #expect(close(MacroF1(classCount: 3).score(wrong.sum(rows: 0 ..< 2)), (2.0 / 3 + 0) / 2, relative: 1e-15))
    }

    @Test func accuracyAndMean() {
        let gold = [0, 1, 2, 1], predicted = [0, 2, 2, 1]
        let matrix = StatisticsFixtures.matrix(rows: 4, width: 2) { row, statistics in
            Accuracy.statistics(gold: gold[row], predicted: predicted[row], into: statistics)
        }
        #expect(matrix.values == [1, 1, 0, 1, 1, 1, 1, 1])
        #expect(Accuracy().score(matrix.sum(rows: 0 ..< 4)) == 0.75)
        #expect(Accuracy().score(matrix.sum(rows: [Int]())).isNaN)

        let values: [Double?] = [2, nil, 4, nil]
        let means = StatisticsFixtures.matrix(rows: 4, width: 2) { row, statistics in
            MeanMetric.statistics(value: values[row], into: statistics)
        }
        let metric = MeanMetric(name: "confidence", higherIsBetter: false)
        #expect(metric.name == "confidence" && !metric.higherIsBetter)
        #expect(metric.score(means.sum(rows: 0 ..< 4)) == 3)
        #expect(metric.score(means.sum(rows: [1, 3])).isNaN)
    }

    @Test func exactMatchComparesScalarsWithoutNormalisation() {
        let metric = ExactMatch()
        #expect(metric.name == "exact_match")
        #expect(metric.sentenceScore(hypothesis: "Paris", references: ["paris", "Paris"]) == 1)
        #expect(metric.sentenceScore(hypothesis: "Paris ", references: ["Paris"]) == 0)
        #expect(metric.sentenceScore(hypothesis: "Paris", references: ["paris"]) == 0)
        // Precomposed é versus e + combining acute: equal for Swift's ==, different bytes.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(metric.sentenceScore(hypothesis: "caf\u{E9}", references: ["cafe\u{301}"]) == 0)
        #expect(metric.sentenceScore(hypothesis: "x", references: []) == 0)

        let pairs = [("a", ["a"]), ("b", ["c"]), ("d", ["e", "d"])]
        let matrix = StatisticsFixtures.matrix(rows: 3, width: 2) { row, statistics in
            metric.statistics(hypothesis: pairs[row].0, references: pairs[row].1, into: statistics)
        }
        #expect(close(metric.score(matrix.sum(rows: 0 ..< 3)), 2.0 / 3, relative: 1e-15))
    }
}
