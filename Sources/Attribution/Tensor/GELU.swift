import Foundation

/// The Gaussian error linear unit in its exact form, `x Φ(x) = x/2 (1 + erf(x/√2))`
/// (Hendrycks and Gimpel 2016), which BERT's `hidden_act: "gelu"` means (not the tanh
/// approximation).
public enum GELU {
    public static func forward(_ x: Matrix) -> Matrix {
        Matrix(rows: x.rows, columns: x.columns) { out in apply(x, output: SendablePointer(out), slope: nil) }
    }

    /// `forward`, also returning the derivative Φ(x) + x φ(x) for `backward(_:slope:)`. The
    /// backward pass is then one product per element: no exp or erf, and no need to keep the
    /// layer's input, one `[tokens, intermediate]` buffer fewer per recorded layer. The output
    /// is that of `forward`, computed the same way.
    public static func forwardKeepingSlope(_ x: Matrix) -> (output: Matrix, slope: Matrix) {
        var slope: Matrix?
        let output = Matrix(rows: x.rows, columns: x.columns) { out in
            slope = Matrix(rows: x.rows, columns: x.columns) { d in apply(x, output: SendablePointer(out), slope: SendablePointer(d)) }
        }
        return (output, slope!)
    }

    /// Writes x Φ(x) for each element x of `x` into `output`, and Φ(x) + x φ(x) into `slope`
    /// when given.
    private static func apply(_ x: Matrix, output: SendablePointer<Float>, slope: SendablePointer<Float>?) {
        let columns = x.columns
        let inverseRootTwoPi = Float(1 / (2 * Double.pi).squareRoot())
        x.values.withUnsafeBufferPointer { input in
            let xp = SendableReadPointer(input.baseAddress!)
            RowBlocks.forEach(rows: x.rows, columns: columns) { rows in
                Lanes.forEach(rows.lowerBound * columns ..< rows.upperBound * columns) { i, count in
                    let v = Lanes.load(xp.base + i, count: count)
                    let phi = 0.5 * (1 + error(v * Float(0.5.squareRoot())))
                    if let slope {
                        let pdf = inverseRootTwoPi * FastExp.exp(-0.5 * v * v)
                        Lanes.store(phi + v * pdf, slope.base + i, count: count)
                    }
                    Lanes.store(v * phi, output.base + i, count: count)
                }
            }
        }
    }

    /// `dy ⊙ (Φ(x) + x φ(x))`, given the layer's input `x`.
    public static func backward(_ dy: Matrix, input x: Matrix) -> Matrix {
        backward(dy, slope: forwardKeepingSlope(x).slope)
    }

    /// `dy ⊙ slope`, with the slope from `forwardKeepingSlope`.
    public static func backward(_ dy: Matrix, slope: Matrix) -> Matrix {
        precondition(dy.values.count == slope.values.count, "GELU gradient and input differ in size")
        let columns = dy.columns
        return Matrix(rows: dy.rows, columns: columns) { out in
            slope.values.withUnsafeBufferPointer { derivative in
                dy.values.withUnsafeBufferPointer { gradient in
                    let sp = SendableReadPointer(derivative.baseAddress!), gp = SendableReadPointer(gradient.baseAddress!)
                    let dp = SendablePointer(out)
                    RowBlocks.forEach(rows: dy.rows, columns: columns) { rows in
                        Lanes.forEach(rows.lowerBound * columns ..< rows.upperBound * columns) { i, count in
                            Lanes.store(Lanes.load(gp.base + i, count: count) * Lanes.load(sp.base + i, count: count), dp.base + i, count: count)
                        }
                    }
                }
            }
        }
    }

    /// The error function as `x P(x²) / Q(x²)` on `[-4, 4]` (a rational fit to within 6e-8;
    /// beyond 4, erf rounds to ±1 in Float), evaluated in Double so that rounding adds no more
    /// than 3e-8: 9e-8 absolute in all. A call to libm's `erff` per element would keep the
    /// GELU loops scalar, and GELU over `[tokens, intermediate]` is the largest element-wise
    /// work in the encoder.
    @inline(__always)
    static func error(_ x: Lanes.Vector) -> Lanes.Vector {
        var c = SIMD8<Double>(x)
        c.replace(with: -4, where: c .< -4)
        c.replace(with: 4, where: c .> 4)
        let t = c * c
        var p = SIMD8<Double>(repeating: 1.9217054687044858e-08)
        p = p * t - 1.990416834924057e-06
        p = p * t + 0.00015555754835380511
        p = p * t + 0.0042938928503932165
        p = p * t + 0.05243621044039486
        p = p * t + 0.21396367651570705
        p = p * t + 1.1283786783036933
        var q = SIMD8<Double>(repeating: 0.0010982420258246533)
        q = q * t + 0.015552828679235157
        q = q * t + 0.12080764955915313
        q = q * t + 0.5229480348756756
        q = q * t + 1
        return Lanes.Vector(c * p / q)
    }
}
