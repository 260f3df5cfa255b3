/// Translation Edit Rate (Snover et al. 2006) as sacrebleu 2.6.0's `TER` computes it with its defaults
/// (Post 2018): case-insensitive, whitespace tokenization, no punctuation normalisation.
///
/// Statistics are sacrebleu's: [edits against the closest reference, average reference length]. A
/// slice's summed vector scores to sacrebleu's `corpus_score`: total edits over total average
/// reference length, on a 0-100 scale (lower is better).
public struct TER: TextPairMetric {
    /// Compare words with their case (sacrebleu lowercases with Python `str.lower()` by default).
    public let caseSensitive: Bool

    public init(caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
    }

    public var name: String { "ter" }
    public var statisticsCount: Int { 2 }
    public var higherIsBetter: Bool { false }

    public func statistics(hypothesis: String, references: [String], into: UnsafeMutableBufferPointer<Double>) {
        let values = sentenceStatistics(hypothesis: hypothesis, references: references)
        into[0] = values.edits
        into[1] = values.referenceLength
    }

    public func sentenceScore(hypothesis: String, references: [String]) -> Double {
        let values = sentenceStatistics(hypothesis: hypothesis, references: references)
        return [values.edits, values.referenceLength].withUnsafeBufferPointer { score($0) }
    }

    /// Edits per reference word; an empty reference scores 100 against a non-empty hypothesis and 0
    /// against an empty one.
    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        let edits = statistics[0], referenceLength = statistics[1]
        if referenceLength > 0 { return 100 * (edits / referenceLength) }
        return edits > 0 ? 100 : 0
    }

    /// The fewest edits over the references (the first of equals) and the mean reference length.
    private func sentenceStatistics(hypothesis: String, references: [String]) -> (edits: Double, referenceLength: Double) {
        guard !references.isEmpty else { return (0, 0) }
        var interner = SequenceInterner(expectedCount: references.reduce(hypothesis.utf8.count) { $0 + $1.utf8.count })
        let hypothesisWords = words(hypothesis, &interner)
        var fewestEdits = Int.max, lengthSum = 0
        for reference in references {
            let referenceWords = words(reference, &interner)
            fewestEdits = min(fewestEdits, TERShiftSearch.edits(hypothesis: hypothesisWords, reference: referenceWords))
            lengthSum += referenceWords.count
        }
        return (Double(fewestEdits), Double(lengthSum) / Double(references.count))
    }

    /// Interned word ids: `str.lower()` unless case-sensitive, then whitespace splitting.
    private func words(_ text: String, _ interner: inout SequenceInterner) -> [UInt32] {
        let scalars = caseSensitive ? PythonText.scalars(text) : PythonText.lower(PythonText.scalars(text))
        return PythonText.split(scalars).map { interner.token(scalars, $0) }
    }
}
