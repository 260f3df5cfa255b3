import Foundation

/// The Gaussian error linear unit in its exact form, `x Φ(x) = x/2 (1 + erf(x/√2))`
/// (Hendrycks and Gimpel 2016), which BERT's `hidden_act: "gelu"` means (not the tanh
/// approximation).
public enum GELU {
    public static func forward(_ x: Matrix) -> Matrix {
        var y = x
        for i in y.values.indices {
            let v = x.values[i]
            y.values[i] = 0.5 * v * (1 + erf(v * Float(0.5.squareRoot())))
        }
        return y
    }

    /// `dy ⊙ (Φ(x) + x φ(x))`, given the layer's input `x`.
    public static func backward(_ dy: Matrix, input x: Matrix) -> Matrix {
        var dx = dy
        let inverseRootTwoPi = Float(1 / (2 * Double.pi).squareRoot())
        for i in dx.values.indices {
            let v = x.values[i]
            let cdf = 0.5 * (1 + erf(v * Float(0.5.squareRoot())))
            let pdf = inverseRootTwoPi * exp(-0.5 * v * v)
            dx.values[i] = dy.values[i] * (cdf + v * pdf)
        }
        return dx
    }
}
