/// The Wilson score interval for a binomial proportion (Wilson, "Probable inference, the law
/// of succession, and statistical inference", JASA 1927).
///
/// It inverts the score test, so unlike the Wald interval `p̂ ± z √(p̂(1-p̂)/n)` it stays inside
/// [0, 1] and keeps near-nominal coverage for small n and proportions near 0 or 1, which is
/// common for per-slice accuracies. With `z = Φ⁻¹((1 + confidence) / 2)`:
/// centre `(p̂ + z²/2n) / (1 + z²/n)`, half-width `z √(p̂(1-p̂)/n + z²/4n²) / (1 + z²/n)`.
/// Matches statsmodels' `proportion_confint(method="wilson")`.
///
/// - Returns: `estimate` is p̂; with `total == 0` it is NaN and the interval is [0, 1].
public func wilsonInterval(successes: Int, total: Int, confidence: Double = 0.95) -> ConfidenceInterval {
    precondition(total >= 0 && (0 ... total).contains(successes), "need 0 ≤ successes ≤ total")
    precondition(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1")
    guard total > 0 else { return ConfidenceInterval(estimate: .nan, lower: 0, upper: 1, confidence: confidence) }
    let n = Double(total)
    let proportion = Double(successes) / n
    let z = normalQuantile((1 + confidence) / 2)
    let zSquared = z * z
    let denominator = 1 + zSquared / n
    let centre = (proportion + zSquared / (2 * n)) / denominator
    let halfWidth = z * (proportion * (1 - proportion) / n + zSquared / (4 * n * n)).squareRoot() / denominator
    return ConfidenceInterval(
        estimate: proportion,
        // At p̂ = 0 (or 1) the lower (upper) end is exactly 0 (1); rounding could miss it.
        lower: successes == 0 ? 0 : max(0, centre - halfWidth),
        upper: successes == total ? 1 : min(1, centre + halfWidth),
        confidence: confidence
    )
}
