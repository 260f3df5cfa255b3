import Foundation

/// McNemar's exact test of whether two classifiers evaluated on the same items have the same
/// error rate (McNemar, "Note on the sampling error of the difference between correlated
/// proportions or percentages", Psychometrika 1947).
///
/// Only discordant items carry information: `b` items only the first system gets right and
/// `c` only the second. Under the null each discordant item falls either way with probability
/// 1/2, so with X ~ Bin(b + c, 1/2) the two-sided exact p-value is
/// `min(1, 2 P(X ≤ min(b, c)))` (scipy's `binomtest(..., alternative="two-sided")` gives the
/// same value for p = 1/2, where the distribution is symmetric). With no discordant items
/// there is no evidence either way and p = 1.
///
/// Up to 62 discordant items the tail is an exact integer sum of binomial coefficients, so
/// textbook values come out exactly (b = 1, c = 9 gives 22/1024 = 0.021484375). Beyond, the
/// tail is summed in log space from its largest term outwards with Loader's
/// binomial probabilities, so counts up to 10^7 and more keep full precision (and p-values
/// below about 1e-308 round to 0).
///
/// - Complexity: O(min(b, c)) at worst and O(√(b + c)) in practice: the tail terms shrink
///   geometrically, and summation stops once they no longer change the sum.
public func mcnemarExact(onlyFirstCorrect b: Int, onlySecondCorrect c: Int) -> Double {
    precondition(b >= 0 && c >= 0, "McNemar counts cannot be negative")
    let n = b + c
    guard n > 0 else { return 1 }
    let m = min(b, c)
    if 2 * m >= n - 1 { return 1 } // The lower tail already holds half the mass or more.
    if n <= 62 { return exactSmallTail(m, trials: n) }
    // P(X = k - 1) / P(X = k) = k / (n - k + 1) < 1 below the mode, so terms shrink from m down.
    let logLargest = logBinomialProbability(m, trials: n, probability: 0.5)
    var relativeSum = 1.0, term = 1.0
    var k = m
    while k > 0 {
        term *= Double(k) / Double(n - k + 1)
        let next = relativeSum + term
        if next == relativeSum { break }
        relativeSum = next
        k -= 1
    }
    return min(1, 2 * exp(logLargest + log(relativeSum)))
}

/// `2 P(X ≤ m)` for X ~ Bin(n, 1/2) and n ≤ 62 as `2 Σ C(n, k) / 2^n`, rounded once: the
/// coefficients and their sum stay below 2^62, and scaling by a power of two is exact.
private func exactSmallTail(_ m: Int, trials n: Int) -> Double {
    var coefficient: UInt64 = 1, sum: UInt64 = 1
    for k in stride(from: 1, through: m, by: 1) {
        coefficient = coefficient * UInt64(n - k + 1) / UInt64(k)
        sum += coefficient
    }
    return Double(sum) * 2 / Double(sign: .plus, exponent: n, significand: 1)
}
