/// A metric computed from summed per-instance sufficient statistics.
///
/// Every metric errata reports at slice level works this way: each instance contributes a
/// fixed-width vector of statistics (for accuracy: correct, 1; for BLEU: n-gram matches and
/// totals, lengths; for chrF: character and word n-gram matches and counts), a slice sums the
/// vectors of its rows, and `score` turns the sum into the value. This gives corpus-level BLEU
/// and chrF exactly as sacrebleu defines them (not a mean of sentence scores), and makes
/// bootstrap resampling a matter of re-summing rows.
public protocol CorpusMetric: Sendable {
    /// Short name used on the command line and in reports (`chrf`, `bleu`, `accuracy`).
    var name: String { get }
    /// Width of each instance's statistics vector.
    var statisticsCount: Int { get }
    /// Whether larger values are better (false for TER), for "which system wins".
    var higherIsBetter: Bool { get }
    /// The score of a summed statistics vector of `statisticsCount` values.
    func score(_ statistics: UnsafeBufferPointer<Double>) -> Double
}

/// A metric that compares a system's output text with a reference text.
public protocol TextPairMetric: CorpusMetric {
    /// Writes the statistics of one hypothesis against its references into `into`
    /// (exactly `statisticsCount` values).
    func statistics(hypothesis: String, references: [String], into: UnsafeMutableBufferPointer<Double>)
    /// The sentence-level score, as sacrebleu's `sentence_score` gives it (it may differ from
    /// `score` of the sentence's statistics, e.g. BLEU's smoothing).
    func sentenceScore(hypothesis: String, references: [String]) -> Double
}

extension CorpusMetric {
    public func score(_ statistics: [Double]) -> Double {
        statistics.withUnsafeBufferPointer { score($0) }
    }
}
