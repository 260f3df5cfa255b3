/// An affine layer `y = x · Wᵀ + b` with PyTorch's `[outputs, inputs]` weight layout.
public struct Linear: Sendable {
    public let weight: Matrix
    public let bias: [Float]

    public init(weight: Matrix, bias: [Float]) {
        precondition(bias.count == weight.rows, "bias has \(bias.count) values for \(weight.rows) outputs")
        self.weight = weight
        self.bias = bias
    }

    public var inputs: Int { weight.columns }
    public var outputs: Int { weight.rows }

    public func callAsFunction(_ x: Matrix) -> Matrix {
        var y = MatrixMultiply.multiply(x, weight, transposeB: true)
        y.values.withUnsafeMutableBufferPointer { out in
            for r in 0 ..< y.rows {
                for c in 0 ..< outputs { out[r * outputs + c] += bias[c] }
            }
        }
        return y
    }

    /// The gradient with respect to the input, `dx = dy · W` (weights are frozen: no `dW`).
    public func inputGradient(_ dy: Matrix) -> Matrix {
        MatrixMultiply.multiply(dy, weight)
    }
}
