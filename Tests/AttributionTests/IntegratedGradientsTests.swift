import Testing
@testable import Attribution

@Suite struct IntegratedGradientsTests {
    @Test func saturatedFeatureGetsItsDueWhereTheGradientIsZero() throws {
        let f = TestFunctions.SaturatingReLU()
        let groups = try FeatureGroups.singletons(1)
        let ig = try IntegratedGradients().explain(f, input: [2], baseline: [0], groups: groups)
        #expect(abs(ig.attribution.scores[0] - 1) < 1e-12)
        #expect(abs(ig.attribution.delta) < 1e-12)
        #expect(ig.attribution.evaluations == 52 && ig.steps == 50)
        let saliency = try GradientSaliency(of: f, at: [2], groups: groups)
        #expect(saliency.gradient == [0] && saliency.gradientTimesInput == [0])
    }

    @Test(arguments: QuadratureRule.allCases)
    func linearFunctionsAreExactForEveryRule(rule: QuadratureRule) throws {
        let f = TestFunctions.Linear(coefficients: [1.5, -2, 0.25, 4])
        let ig = try IntegratedGradients(rule: rule).explain(
            f, input: [1, 2, 3, 4], baseline: [0.5, 0.5, -1, 0], groups: .tokens(count: 2, width: 2), steps: 7)
        #expect(maxAbsDifference(ig.dimensionScores, [0.75, -3, 1, 16]) < 1e-12)
        #expect(maxAbsDifference(ig.attribution.scores, [-2.25, 17]) < 1e-12)
    }

    @Test func completenessOnASmoothNetwork() throws {
        let f = TestFunctions.TanhNetwork(dimension: 6, hidden: 5, seed: 12)
        let input = [0.9, -1.2, 0.4, 1.5, -0.3, 0.8]
        let baseline = [Double](repeating: 0, count: 6)
        let groups = try FeatureGroups.tokens(count: 3, width: 2)
        let ig = try IntegratedGradients().explain(f, input: input, baseline: baseline, groups: groups)
        #expect(abs(ig.attribution.delta) < 1e-6)
        #expect(ig.attribution.isComplete())
        #expect(maxAbsDifference(ig.attribution.scores, groups.sums(ig.dimensionScores)) == 0)
        // Every rule converges to the same integral.
        let reference = ig.dimensionScores
        for rule in [QuadratureRule.left, .right, .middle, .trapezoid] {
            let fine = try IntegratedGradients(rule: rule, batchSize: 100).explain(f, input: input, baseline: baseline, groups: groups, steps: 2000)
            #expect(maxAbsDifference(fine.dimensionScores, reference) < 2e-3, "\(rule)")
        }
    }

    @Test func adaptiveModeReachesTheCompletenessRule() throws {
        let f = TestFunctions.SharpSigmoid(dimension: 2, sharpness: 40, center: 0.9)
        let groups = try FeatureGroups.singletons(2)
        let fixed = try IntegratedGradients().explain(f, input: [1, 1], baseline: [0, 0], groups: groups, steps: 8)
        #expect(!fixed.attribution.isComplete())
        let adaptive = try IntegratedGradients().explainAdaptively(f, input: [1, 1], baseline: [0, 0], groups: groups)
        #expect(adaptive.attribution.isComplete())
        #expect(adaptive.steps == 64)
        #expect(adaptive.attribution.evaluations == 2 + 8 + 16 + 32 + 64)
        let capped = try IntegratedGradients().explainAdaptively(f, input: [1, 1], baseline: [0, 0], groups: groups, maximumSteps: 16)
        #expect(capped.steps == 16 && !capped.attribution.isComplete())
    }

    /// Progress after each batch: the evaluations done and those planned, the endpoints in
    /// the first batch; a doubling of the adaptive mode adds its pass to the plan.
    @Test func reportsProgressAfterEachBatch() throws {
        let f = TestFunctions.SharpSigmoid(dimension: 2, sharpness: 40, center: 0.9)
        let groups = try FeatureGroups.singletons(2)
        var reports: [[Int]] = []
        _ = try IntegratedGradients(batchSize: 16).explain(f, input: [1, 1], baseline: [0, 0], groups: groups, steps: 40) {
            reports.append([$0, $1])
        }
        #expect(reports == [[16, 42], [32, 42], [42, 42]])
        reports = []
        _ = try IntegratedGradients(batchSize: 16).explainAdaptively(f, input: [1, 1], baseline: [0, 0], groups: groups, maximumSteps: 32) {
            reports.append([$0, $1])
        }
        #expect(reports == [[10, 10], [26, 26], [42, 58], [58, 58]])
    }

    @Test func shapesAreChecked() throws {
        let f = TestFunctions.Linear(coefficients: [1, 2])
        #expect(throws: AttributionError.self) {
            try IntegratedGradients().explain(f, input: [1, 2, 3], baseline: [0, 0], groups: .singletons(2))
        }
        #expect(throws: AttributionError.self) { try FeatureGroups([0 ..< 1, 2 ..< 3], dimension: 3) }
    }

    @Test func saliencyPerTokenAndGradientTimesInput() throws {
        let f = TestFunctions.Linear(coefficients: [3, -4, 1, 0])
        let saliency = try GradientSaliency(of: f, at: [2, 1, -1, 5], groups: .tokens(count: 2, width: 2))
        #expect(saliency.value == 1)
        #expect(saliency.gradient == [3, -4, 1, 0])
        #expect(saliency.gradientNorms == [5, 1])
        #expect(saliency.gradientTimesInput == [6, -4, -1, 0])
        #expect(saliency.groupGradientTimesInput == [2, -1])
    }
}
