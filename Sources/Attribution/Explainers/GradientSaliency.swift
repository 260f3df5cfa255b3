/// Gradient-based saliency at one point: the signed gradient, its norm per token, and
/// gradient × input.
///
/// The cheapest gradient explanations (one evaluation), as LIT offers them. The gradient is
/// local: it is zero on a saturated feature that matters (Sundararajan et al. 2017), which is
/// why Integrated Gradients exists; gradient × input is IG with a zero baseline and a single
/// right-end node.
public struct GradientSaliency: Sendable, Equatable {
    /// F(x).
    public var value: Double
    /// ∂F/∂x_d, signed.
    public var gradient: [Double]
    /// ‖∇F‖₂ over each group's dimensions (a token's embedding).
    public var gradientNorms: [Double]
    /// x_d · ∂F/∂x_d.
    public var gradientTimesInput: [Double]
    /// The sum of gradient × input over each group.
    public var groupGradientTimesInput: [Double]

    /// - Complexity: one gradient evaluation.
    public init(of function: some DifferentiableFunction, at input: [Double], groups: FeatureGroups) throws {
        try function.checkDimension(of: input, "input")
        guard groups.dimension == function.dimension else {
            throw AttributionError.shapeMismatch("the groups cover \(groups.dimension) dimensions, the function \(function.dimension)")
        }
        let answer = try function.checkedValuesAndGradients(at: [input], batchSize: 1)[0]
        value = answer.value
        gradient = answer.gradient
        gradientNorms = groups.norms(answer.gradient)
        gradientTimesInput = zip(input, answer.gradient).map { $0 * $1 }
        groupGradientTimesInput = groups.sums(gradientTimesInput)
    }
}
