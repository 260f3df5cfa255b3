import Foundation

/// Natural log of the binomial probability P(X = k), X ~ Bin(n, p), accurate to a few ulps
/// even for n in the millions.
///
/// The textbook `lgamma(n+1) - lgamma(k+1) - lgamma(n-k+1) + ...` loses about eight digits at
/// n = 10^7 to cancellation between terms near 1.5 × 10^8. Loader's saddle-point form (Loader,
/// "Fast and accurate computation of binomial probabilities", 2000; the algorithm behind R's
/// `dbinom`) writes the log-probability with Stirling remainders and deviance terms that are
/// all small, so nothing cancels.
///
/// - Complexity: O(1) (the deviance series converges in a few terms).
func logBinomialProbability(_ k: Int, trials n: Int, probability p: Double) -> Double {
    precondition(n >= 0 && (0 ... n).contains(k) && p > 0 && p < 1, "binomial arguments out of range")
    let q = 1 - p
    if k == 0 { return Double(n) * log1p(-p) }
    if k == n { return Double(n) * log(p) }
    let nd = Double(n), kd = Double(k), rest = nd - kd
    let stirling = stirlingRemainder(nd) - stirlingRemainder(kd) - stirlingRemainder(rest)
    let deviance = devianceTerm(kd, nd * p) + devianceTerm(rest, nd * q)
    return stirling - deviance + 0.5 * log(nd / (2 * Double.pi * kd * rest))
}

/// Stirling's remainder `log(x!) - log(√(2π x) (x/e)^x)` for integer `x ≥ 1`.
private func stirlingRemainder(_ x: Double) -> Double {
    if x <= 15 {
        return lgamma(x + 1) - (x + 0.5) * log(x) + x - 0.5 * log(2 * Double.pi)
    }
    // Asymptotic series 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) + 1/(1188x⁹).
    let inverseSquare = 1 / (x * x)
    let series = 1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260 - inverseSquare * (1.0 / 1680 - inverseSquare / 1188)))
    return series / x
}

/// The deviance term `x log(x / m) + m - x`, by its series in `(x - m) / (x + m)` when `x` is
/// close to `m`, where the direct formula would cancel.
private func devianceTerm(_ x: Double, _ m: Double) -> Double {
    guard abs(x - m) < 0.1 * (x + m) else { return x * log(x / m) + m - x }
    let v = (x - m) / (x + m)
    var sum = (x - m) * v
    var term = 2 * x * v
    var j = 1.0
    while true {
        term *= v * v
        let next = sum + term / (2 * j + 1)
        if next == sum { return next }
        sum = next
        j += 1
    }
}
