import CVectorMath
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
    /// when given: `errata_gelu` over blocks of rows, on all cores.
    private static func apply(_ x: Matrix, output: SendablePointer<Float>, slope: SendablePointer<Float>?) {
        let columns = x.columns
        x.values.withUnsafeBufferPointer { input in
            let xp = SendableReadPointer(input.baseAddress!)
            RowBlocks.forEach(rows: x.rows, columns: columns) { rows in
                let start = rows.lowerBound * columns
                errata_gelu(xp.base + start, output.base + start, slope.map { $0.base + start }, rows.count * columns)
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
}
