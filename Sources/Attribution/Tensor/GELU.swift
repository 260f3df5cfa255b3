import Foundation

/// The Gaussian error linear unit in its exact form, `x Φ(x) = x/2 (1 + erf(x/√2))`
/// (Hendrycks and Gimpel 2016), which BERT's `hidden_act: "gelu"` means (not the tanh
/// approximation).
public enum GELU {
    public static func forward(_ x: Matrix) -> Matrix {
        Matrix(rows: x.rows, columns: x.columns) { out in apply(x, output: SendablePointer(out), cdf: nil) }
    }

    /// `forward`, also returning Φ(x) for `backward`: the backward pass then needs no erf, the
    /// dearer half of GELU's work. The same arithmetic as `forward` (scaling by 0.5 is exact),
    /// so the output is identical.
    public static func forwardKeepingCDF(_ x: Matrix) -> (output: Matrix, cdf: Matrix) {
        var cdf: Matrix?
        let output = Matrix(rows: x.rows, columns: x.columns) { out in
            cdf = Matrix(rows: x.rows, columns: x.columns) { phi in apply(x, output: SendablePointer(out), cdf: SendablePointer(phi)) }
        }
        return (output, cdf!)
    }

    /// Writes x Φ(x) for each element x of `x` into `output`, and Φ(x) into `cdf` when given.
    private static func apply(_ x: Matrix, output: SendablePointer<Float>, cdf: SendablePointer<Float>?) {
        let columns = x.columns
        x.values.withUnsafeBufferPointer { input in
            let xp = SendableReadPointer(input.baseAddress!)
            RowBlocks.forEach(rows: x.rows, columns: columns) { rows in
                Lanes.forEach(rows.lowerBound * columns ..< rows.upperBound * columns) { i, count in
                    let v = Lanes.load(xp.base + i, count: count)
                    let phi = 0.5 * (1 + error(v * Float(0.5.squareRoot())))
                    if let cdf { Lanes.store(phi, cdf.base + i, count: count) }
                    Lanes.store(v * phi, output.base + i, count: count)
                }
            }
        }
    }

    /// `dy ⊙ (Φ(x) + x φ(x))`, given the layer's input `x`.
    public static func backward(_ dy: Matrix, input x: Matrix) -> Matrix {
        backward(dy, input: x, cdf: forwardKeepingCDF(x).cdf)
    }

    /// `dy ⊙ (Φ(x) + x φ(x))`, given the layer's input `x` and Φ(x) from `forwardKeepingCDF`.
    public static func backward(_ dy: Matrix, input x: Matrix, cdf: Matrix) -> Matrix {
        precondition(dy.values.count == x.values.count && cdf.values.count == x.values.count, "GELU gradient and input differ in size")
        let columns = dy.columns
        let inverseRootTwoPi = Float(1 / (2 * Double.pi).squareRoot())
        return Matrix(rows: dy.rows, columns: columns) { out in
            x.values.withUnsafeBufferPointer { input in
                cdf.values.withUnsafeBufferPointer { phi in
                    dy.values.withUnsafeBufferPointer { gradient in
                        let xp = SendableReadPointer(input.baseAddress!), cp = SendableReadPointer(phi.baseAddress!)
                        let gp = SendableReadPointer(gradient.baseAddress!), dp = SendablePointer(out)
                        RowBlocks.forEach(rows: dy.rows, columns: columns) { rows in
                            Lanes.forEach(rows.lowerBound * columns ..< rows.upperBound * columns) { i, count in
                                let v = Lanes.load(xp.base + i, count: count)
                                let pdf = inverseRootTwoPi * FastExp.exp(-0.5 * v * v)
                                let slope = Lanes.load(cp.base + i, count: count) + v * pdf
                                Lanes.store(Lanes.load(gp.base + i, count: count) * slope, dp.base + i, count: count)
                            }
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
