import Foundation
import Testing
@testable import Attribution

@Suite struct LogisticRegressionTests {
    /// x = +1 is class 1, x = -1 class 0. By symmetry the optimum has w₁ = -w₀ = a, no bias,
    /// and a solves 2λa = 2 / (1 + e^{2a}) (the derivative of log(1 + e^{-2a}) + λa²).
    @Test func reachesTheAnalyticOptimumOfASymmetricProblem() {
        let l2 = 0.1
        let examples = [SparseFeatures(dense: [1]), SparseFeatures(dense: [-1])]
        let fitted = LogisticRegression(l2: l2, steps: 3000, learningRate: 0.05).fit(examples, labels: [1, 0], classCount: 2, featureCount: 1)
        var low = 0.0, high = 10.0
        for _ in 0 ..< 100 {
            let a = (low + high) / 2
            if 2 * l2 * a < 2 / (1 + exp(2 * a)) { low = a } else { high = a }
        }
        #expect(abs(Double(fitted.weights[1][0]) - low) < 1e-3)
        #expect(abs(Double(fitted.weights[0][0]) + low) < 1e-3)
        #expect(abs(Double(fitted.bias[0] - fitted.bias[1])) < 1e-4)
    }

    @Test func bagOfWordsIsDeterministicAndSeparatesAToyTask() {
        let texts = ["a good film", "good fun", "a bad film", "bad acting", "good good", "so bad"]
        let labels = [1, 1, 0, 0, 1, 0]
        let vocabulary = BagOfWords(fitting: texts, minimumCount: 2)
        #expect(vocabulary.words == ["bad", "good", "a", "film"])
        #expect(vocabulary.features("Good, GOOD film!") == SparseFeatures(indices: [1, 3], values: [1, 1]))
        let trainer = LogisticRegression(l2: 0.01, steps: 300)
        let a = trainer.fit(texts.map(vocabulary.features), labels: labels, classCount: 2, featureCount: vocabulary.words.count)
        let b = trainer.fit(texts.map(vocabulary.features), labels: labels, classCount: 2, featureCount: vocabulary.words.count)
        #expect(a.weights == b.weights && a.bias == b.bias)
        // "good" pushes towards class 1, "bad" towards class 0.
        #expect(a.weights[1][1] - a.weights[0][1] > 1)
        #expect(a.weights[0][0] - a.weights[1][0] > 1)
    }
}
