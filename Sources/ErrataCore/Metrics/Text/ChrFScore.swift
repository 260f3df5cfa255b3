/// The F-beta score of chrF statistics, following sacrebleu's `CHRF._compute_f_score` operation by
/// operation so that scores agree to the last bit.
struct ChrFScore {
    let beta: Int
    let orderCount: Int
    let epsSmoothing: Bool

    /// sacrebleu's stand-in for an undefined precision, recall or F-score under epsilon smoothing.
    private static let epsilon = 1e-16

    /// The score on a 0-100 scale of `statistics`, `orderCount` triples [hypothesis, reference, matched].
    func fScore(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        let factor = Double(beta * beta)
        var summedScore = 0.0
        var precisionSum = 0.0, recallSum = 0.0
        var effectiveOrder = 0
        for order in 0..<orderCount {
            let hypothesisCount = statistics[3 * order]
            let referenceCount = statistics[3 * order + 1]
            let matched = statistics[3 * order + 2]
            let precision = hypothesisCount > 0 ? matched / hypothesisCount : Self.epsilon
            let recall = referenceCount > 0 ? matched / referenceCount : Self.epsilon
            let denominator = factor * precision + recall
            summedScore += denominator > 0 ? (1 + factor) * precision * recall / denominator : Self.epsilon
            if hypothesisCount > 0 && referenceCount > 0 {
                precisionSum += precision
                recallSum += recall
                effectiveOrder += 1
            }
        }
        if epsSmoothing { return 100 * summedScore / Double(orderCount) }
        guard effectiveOrder > 0 else { return 0 }
        let precision = precisionSum / Double(effectiveOrder)
        let recall = recallSum / Double(effectiveOrder)
        guard precision + recall != 0 else { return 0 }
        return 100 * ((1 + factor) * precision * recall / (factor * precision + recall))
    }
}
