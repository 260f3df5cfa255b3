/// Integrated Gradients (Sundararajan et al. 2017).
///
/// IG_d = (x_d − x′_d) · ∫₀¹ ∂F(x′ + α(x − x′))/∂x_d dα, computed by a quadrature rule along the
/// straight path from the baseline x′ to the input x, and summed over each group of dimensions
/// (a token's embedding). Unlike the plain gradient it sees a feature that saturates: for
/// F(x) = 1 − ReLU(1 − x) at x = 2 the gradient is 0 but IG is 1.
///
/// Completeness, Σ IG = F(x) − F(x′), holds for the exact integral; the quadrature error shows in
/// `Attribution.delta` = F(x) − F(x′) − Σ IG (captum's convergence delta), which is always
/// reported. The paper advises checking it and adding steps when it is large; the adaptive mode
/// does so.
public struct IntegratedGradients: Sendable {
    public var rule: QuadratureRule
    /// Points per call of the function.
    public var batchSize: Int

    public init(rule: QuadratureRule = .gaussLegendre, batchSize: Int = 16) {
        self.rule = rule
        self.batchSize = batchSize
    }

    /// IG of `function` at `input` against `baseline` with `steps` quadrature nodes. `progress`
    /// hears, after each batch, the evaluations done and those planned (here steps + 2).
    /// - Complexity: steps + 2 gradient evaluations (the endpoints give F(x) and F(x′)).
    public func explain(
        _ function: some DifferentiableFunction, input: [Double], baseline: [Double], groups: FeatureGroups, steps: Int = 50,
        progress: (_ evaluated: Int, _ planned: Int) -> Void = { _, _ in }
    ) throws -> IntegratedGradientsResult {
        try explainAdaptively(function, input: input, baseline: baseline, groups: groups, initialSteps: steps, maximumSteps: steps,
                              progress: progress)
    }

    /// IG with the step count doubled from `initialSteps` until |delta| ≤ tolerance · |F(x) − F(x′)|
    /// or the next doubling would exceed `maximumSteps`. `Attribution.isComplete(tolerance:)`
    /// on the result tells which; `evaluations` counts every pass. `progress` hears, after each
    /// batch, the evaluations done and those planned so far: a doubling adds its pass to the
    /// plan, as nobody knows beforehand whether one will be needed.
    /// - Complexity: at most 2 + initialSteps · (2^(k+1) − 1) evaluations for k doublings.
    public func explainAdaptively(
        _ function: some DifferentiableFunction, input: [Double], baseline: [Double], groups: FeatureGroups,
        initialSteps: Int = 8, maximumSteps: Int = 1024, tolerance: Double = 0.01,
        progress: (_ evaluated: Int, _ planned: Int) -> Void = { _, _ in }
    ) throws -> IntegratedGradientsResult {
        guard initialSteps <= maximumSteps else {
            throw AttributionError.invalidArgument("initial steps \(initialSteps) exceed the maximum \(maximumSteps)")
        }
        try function.checkDimension(of: input, "input")
        try function.checkDimension(of: baseline, "baseline")
        guard groups.dimension == function.dimension else {
            throw AttributionError.shapeMismatch("the groups cover \(groups.dimension) dimensions, the function \(function.dimension)")
        }
        var endpoints: (input: Double, baseline: Double)?
        var steps = initialSteps
        var spent = 0
        while true {
            let result = try integrate(function, input: input, baseline: baseline, groups: groups, steps: steps,
                                       endpoints: &endpoints, spent: spent, progress: progress)
            if result.attribution.isComplete(tolerance: tolerance) || steps * 2 > maximumSteps { return result }
            spent = result.attribution.evaluations
            steps *= 2
        }
    }

    /// One pass of `steps` nodes. The first pass also evaluates F(x) and F(x′), in the same
    /// batches as its nodes: a batch of their own would cost one more call of the function.
    private func integrate(
        _ function: some DifferentiableFunction, input: [Double], baseline: [Double], groups: FeatureGroups, steps: Int,
        endpoints: inout (input: Double, baseline: Double)?, spent: Int, progress: (_ evaluated: Int, _ planned: Int) -> Void
    ) throws -> IntegratedGradientsResult {
        let quadrature = try rule.quadrature(steps: steps)
        let difference = zip(input, baseline).map { $0 - $1 }
        let nodes = quadrature.nodes.map { alpha in zip(baseline, difference).map { $0 + alpha * $1 } }
        let extra = endpoints == nil ? [input, baseline] : []
        let planned = spent + extra.count + steps
        let answers = try function.checkedValuesAndGradients(at: extra + nodes, batchSize: batchSize) { progress(spent + $0, planned) }
        let known = endpoints ?? (answers[0].value, answers[1].value)
        endpoints = known
        var average = [Double](repeating: 0, count: function.dimension)
        for (weight, answer) in zip(quadrature.weights, answers[extra.count...]) {
            for d in average.indices { average[d] += weight * answer.gradient[d] }
        }
        let perDimension = zip(difference, average).map { $0 * $1 }
        let attribution = Attribution(
            scores: groups.sums(perDimension), standardErrors: nil, baseValue: known.baseline, value: known.input,
            evaluations: planned, samples: 0)
        return IntegratedGradientsResult(attribution: attribution, dimensionScores: perDimension, steps: steps)
    }
}

/// Integrated Gradients per group and per dimension.
public struct IntegratedGradientsResult: Sendable, Equatable {
    /// Scores per group; `delta` is the completeness delta.
    public var attribution: Attribution
    /// IG per input dimension.
    public var dimensionScores: [Double]
    /// Quadrature nodes of the last pass.
    public var steps: Int
}

extension Attribution {
    /// Whether |delta| ≤ tolerance · |value − baseValue|: the completeness check of Integrated
    /// Gradients, and the stopping rule of its adaptive mode.
    public func isComplete(tolerance: Double = 0.01) -> Bool {
        abs(delta) <= tolerance * abs(value - baseValue)
    }
}
