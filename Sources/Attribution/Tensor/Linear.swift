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

    /// Writes the bias into every row and adds the product to it (`beta` 1): one pass over
    /// the output instead of zeroing it, multiplying and adding the bias in a second pass.
    /// With `bf16` (this layer's weight, packed), the product runs in bfloat16, and the kernel
    /// adds the bias as it stores each tile.
    func callAsFunction(_ x: Matrix, bf16: BFloat16Weights?) -> Matrix {
        precondition(x.columns == inputs, "Linear over \(inputs) inputs given \(x.columns)")
        let count = x.rows * outputs
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let out = buffer.baseAddress else { return }
            x.values.withUnsafeBufferPointer { a in
                bias.withUnsafeBufferPointer { b in
                    if let bf16 {
                        bf16.multiply(rows: x.rows, a.baseAddress!, bias: b.baseAddress!, into: out)
                        return
                    }
                    for r in 0 ..< x.rows { (out + r * outputs).initialize(from: b.baseAddress!, count: outputs) }
                    weight.values.withUnsafeBufferPointer { w in
                        MatrixMultiply.gemm(transposeA: false, transposeB: true, m: x.rows, n: outputs, k: inputs,
                                            a: a.baseAddress!, lda: inputs, b: w.baseAddress!, ldb: inputs,
                                            beta: 1, c: out, ldc: outputs)
                    }
                }
            }
            initialized = count
        }
        return Matrix(rows: x.rows, columns: outputs, values: values)
    }

    public func callAsFunction(_ x: Matrix) -> Matrix { self(x, bf16: nil) }

    /// The gradient with respect to the input, `dx = dy · W` (weights are frozen: no `dW`).
    public func inputGradient(_ dy: Matrix) -> Matrix {
        MatrixMultiply.multiply(dy, weight)
    }
}
