/// The fraction of outputs identical to a reference, in [0, 1].
///
/// "Identical" means the same Unicode scalars (equal UTF-8 bytes), with no normalisation of
/// case, whitespace, punctuation or Unicode form; this is stricter than Swift's `==` on
/// `String`, which treats canonically equivalent strings (precomposed "é" and "e" plus a
/// combining accent) as equal, and agrees with Python's `==`. With several references, an
/// output matches if it equals any of them. Statistics are `[matched, 1]`; the score is NaN
/// for an empty slice.
public struct ExactMatch: TextPairMetric, Hashable {
    public var name: String { "exact_match" }
    public var statisticsCount: Int { 2 }
    public var higherIsBetter: Bool { true }

    public init() {}

    public static func matches(hypothesis: String, references: [String]) -> Bool {
        references.contains { hypothesis.utf8.elementsEqual($0.utf8) }
    }

    public func statistics(hypothesis: String, references: [String], into statistics: UnsafeMutableBufferPointer<Double>) {
        statistics[0] = Self.matches(hypothesis: hypothesis, references: references) ? 1 : 0
        statistics[1] = 1
    }

    /// 1 for a match, else 0.
    public func sentenceScore(hypothesis: String, references: [String]) -> Double {
        Self.matches(hypothesis: hypothesis, references: references) ? 1 : 0
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        countedMean(statistics)
    }
}
