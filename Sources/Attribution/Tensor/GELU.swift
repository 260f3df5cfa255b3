import Foundation

/// The Gaussian error linear unit in its exact form, `x Φ(x) = x/2 (1 + erf(x/√2))`
/// (Hendrycks and Gimpel 2016), which BERT's `hidden_act: "gelu"` means (not the tanh
/// approximation).
public enum GELU {
    public static func forward(_ x: Matrix) -> Matrix {
        var y = x
        let columns = x.columns
        y.values.withUnsafeMutableBufferPointer { out in
            let yp = SendablePointer(out.baseAddress!)
            RowBlocks.forEach(rows: x.rows, columns: columns) { rows in
                for i in rows.lowerBound * columns ..< rows.upperBound * columns {
                    let v = yp.base[i]
                    yp.base[i] = 0.5 * v * (1 + erf(v * Float(0.5.squareRoot())))
                }
            }
        }
        return y
    }

    /// `dy ⊙ (Φ(x) + x φ(x))`, given the layer's input `x`.
    public static func backward(_ dy: Matrix, input x: Matrix) -> Matrix {
        precondition(dy.values.count == x.values.count, "GELU gradient and input differ in size")
        var dx = dy
        let rowCount = dx.rows, columns = dx.columns
        let inverseRootTwoPi = Float(1 / (2 * Double.pi).squareRoot())
        x.values.withUnsafeBufferPointer { input in
            dx.values.withUnsafeMutableBufferPointer { out in
                let xp = SendableReadPointer(input.baseAddress!), dp = SendablePointer(out.baseAddress!)
                RowBlocks.forEach(rows: rowCount, columns: columns) { rows in
                    for i in rows.lowerBound * columns ..< rows.upperBound * columns {
                        let v = xp.base[i]
                        let cdf = 0.5 * (1 + erf(v * Float(0.5.squareRoot())))
                        let pdf = inverseRootTwoPi * exp(-0.5 * v * v)
                        dp.base[i] = dp.base[i] * (cdf + v * pdf)
                    }
                }
            }
        }
        return dx
    }
}
