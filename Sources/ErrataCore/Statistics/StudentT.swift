import Foundation

/// Student's t distribution with `degreesOfFreedom` (any positive real, as Welch's test
/// produces): two-sided tail probabilities and quantiles.
struct StudentT: Sendable {
    var degreesOfFreedom: Double

    /// P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²) (Abramowitz and Stegun 26.5.27).
    func twoSidedTail(_ t: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        let nu = degreesOfFreedom
        return regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// P(T ≤ t).
    func cumulative(_ t: Double) -> Double {
        let tail = twoSidedTail(t) / 2
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, for 0.5 ≤ p < 1: Newton's method on the cumulative from the
    /// normal quantile, which converges in a few steps for ν ≥ 1.
    func quantile(_ p: Double) -> Double {
        precondition(p >= 0.5 && p < 1, "quantile needs 0.5 ≤ p < 1")
        let nu = degreesOfFreedom
        let logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        var t = normalQuantile(p)
        for _ in 0 ..< 100 {
            let density = exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
            let step = (cumulative(t) - p) / density
            t -= step
            if abs(step) <= 1e-14 * max(1, abs(t)) { break }
        }
        return t
    }
}

/// The regularised incomplete beta function I_x(a, b), by its continued fraction evaluated
/// with the modified Lentz method (Numerical Recipes, 3rd ed., section 6.4), on the side of
/// the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges fast.
func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0")
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
}

private func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1 ... 100_000 {
        let m = Double(m), m2 = 2 * m
        var coefficient = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
        d = 1 + coefficient * d
        if abs(d) < tiny { d = tiny }
        c = 1 + coefficient / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        coefficient = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
        d = 1 + coefficient * d
        if abs(d) < tiny { d = tiny }
        c = 1 + coefficient / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16 { break }
    }
    return h
}
