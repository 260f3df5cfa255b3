/// A scalar function of a point in R^d with its gradient, evaluated in batches.
///
/// The gradient explainers see a model only through this protocol: for a transformer the point
/// is the concatenated input embeddings of the tokens and the value is the output being
/// explained (a logit or a probability). Points are asked for in batches because the model
/// computes a batch of forward and backward passes at once.
public protocol DifferentiableFunction: Sendable {
    /// The dimension d of the input.
    var dimension: Int { get }

    /// F(p) and ∇F(p) for each point, in order; every point has `dimension` coordinates.
    func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient]
}

/// F(p) and ∇F(p) at one point.
public struct ValueAndGradient: Sendable, Equatable {
    public var value: Double
    public var gradient: [Double]

    public init(value: Double, gradient: [Double]) {
        self.value = value
        self.gradient = gradient
    }
}

extension DifferentiableFunction {
    /// Evaluates `points` in batches of `batchSize` and checks every answer's shape; `evaluated`
    /// hears the number of points done after each batch.
    /// - Complexity: ⌈n / batchSize⌉ calls for n points.
    func checkedValuesAndGradients(at points: [[Double]], batchSize: Int,
                                   evaluated: (Int) -> Void = { _ in }) throws -> [ValueAndGradient] {
        guard batchSize > 0 else { throw AttributionError.invalidArgument("batch size must be positive") }
        var result: [ValueAndGradient] = []
        result.reserveCapacity(points.count)
        var start = 0
        while start < points.count {
            let batch = Array(points[start ..< min(start + batchSize, points.count)])
            let answers = try valuesAndGradients(at: batch)
            guard answers.count == batch.count else {
                throw AttributionError.resultCountMismatch(expected: batch.count, received: answers.count)
            }
            for answer in answers {
                guard answer.gradient.count == dimension else {
                    throw AttributionError.shapeMismatch("a gradient has \(answer.gradient.count) coordinates, the function \(dimension)")
                }
                guard answer.value.isFinite, answer.gradient.allSatisfy(\.isFinite) else { throw AttributionError.nonFiniteValue }
            }
            result.append(contentsOf: answers)
            start += batch.count
            evaluated(start)
        }
        return result
    }

    /// Throws unless `point` has `dimension` coordinates.
    func checkDimension(of point: [Double], _ name: String) throws {
        guard point.count == dimension else {
            throw AttributionError.shapeMismatch("the \(name) has \(point.count) coordinates, the function \(dimension)")
        }
    }
}
