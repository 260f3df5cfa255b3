/// BLEU (Papineni et al. 2002) exactly as sacrebleu 2.6.0's `BLEU` computes it (Post 2018).
///
/// Statistics are sacrebleu's: [hypothesis length, closest reference length, matched n-grams per
/// order..., hypothesis n-grams per order...]. Matches are clipped by the maximum count over the
/// references, and the reference length is the one closest to the hypothesis (the shorter on ties).
/// A slice's summed vector scores to sacrebleu's `corpus_score`.
public struct BLEU: TextPairMetric {
    /// How text is split into words before counting n-grams.
    public enum Tokenizer: String, Sendable, CaseIterable {
        /// Whitespace only.
        case none
        /// mteval-v13a.pl's tokenization, sacrebleu's default and WMT's standard.
        case thirteenA = "13a"
        /// mteval-v14.pl's international tokenization (Unicode punctuation and symbols).
        case intl
    }

    /// How zero n-gram matches are smoothed (Chen and Cherry 2014, as sacrebleu names them).
    public enum Smoothing: Sendable, Equatable {
        /// No smoothing: any order without matches makes the score 0.
        case none
        /// Method 1: a zero match count becomes `value` (sacrebleu's default 0.1).
        case floor(Double = 0.1)
        /// Method 2: add `value` to the matched and total counts of orders 2 and up (default 1).
        case addK(Double = 1)
        /// Method 3, mteval-v13a's: the k-th order without matches gets precision 1 / (2^k total).
        case exp
    }

    public let tokenizer: Tokenizer
    public let lowercase: Bool
    public let smoothing: Smoothing
    public let maxOrder: Int
    /// Average over orders 1...k only, k the highest order the hypotheses have n-grams of
    /// (sacrebleu's `effective_order`). `sentenceScore` always uses it, as `sentence_bleu` does.
    public let effectiveOrder: Bool

    public init(
        tokenizer: Tokenizer = .thirteenA, lowercase: Bool = false, smoothing: Smoothing = .exp,
        maxOrder: Int = 4, effectiveOrder: Bool = false
    ) {
        self.tokenizer = tokenizer
        self.lowercase = lowercase
        self.smoothing = smoothing
        self.maxOrder = maxOrder
        self.effectiveOrder = effectiveOrder
    }

    public var name: String { "bleu" }
    public var statisticsCount: Int { 2 + 2 * maxOrder }
    public var higherIsBetter: Bool { true }

    public func statistics(hypothesis: String, references: [String], into: UnsafeMutableBufferPointer<Double>) {
        let values = sentenceStatistics(hypothesis: hypothesis, references: references)
        for index in 0..<statisticsCount { into[index] = values[index] }
    }

    public func sentenceScore(hypothesis: String, references: [String]) -> Double {
        let scoring = BLEUScore(maxOrder: maxOrder, smoothing: smoothing, effectiveOrder: true)
        return sentenceStatistics(hypothesis: hypothesis, references: references).withUnsafeBufferPointer {
            scoring.score($0)
        }
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        BLEUScore(maxOrder: maxOrder, smoothing: smoothing, effectiveOrder: effectiveOrder).score(statistics)
    }

    private func sentenceStatistics(hypothesis: String, references: [String]) -> [Double] {
        let hypothesisWords = BLEUWords(hypothesis, tokenizer: tokenizer, lowercase: lowercase)
        let referenceWords = references.map { BLEUWords($0, tokenizer: tokenizer, lowercase: lowercase) }
        // Ids: one per distinct spelling prefix, plus up to `maxOrder` n-grams per token.
        var interner = SequenceInterner(expectedCount: referenceWords.reduce(hypothesisWords.idBound(maxOrder)) {
            $0 + $1.idBound(maxOrder)
        })
        let hypothesisGrams = hypothesisWords.ngrams(&interner, maxOrder: maxOrder)
        let referenceGrams = referenceWords.map { $0.ngrams(&interner, maxOrder: maxOrder) }
        var tally = NGramTally(idCount: interner.count)
        let hypothesisLength = hypothesisWords.tokens.count
        var values = [Double(hypothesisLength), Double(closestLength(to: hypothesisLength, referenceWords))]
        for order in 0..<maxOrder {
            values.append(Double(tally.matches(hypothesisGrams[order], referenceGrams.map { $0[order] })))
        }
        for order in 0..<maxOrder { values.append(Double(hypothesisGrams[order].count)) }
        return values
    }

    /// The reference length closest to the hypothesis length, the shorter on ties; -1 without
    /// references, as sacrebleu gives for a segment whose references are all missing.
    private func closestLength(to length: Int, _ references: [BLEUWords]) -> Int {
        var closest = -1, closestDifference = -1
        for reference in references {
            let referenceLength = reference.tokens.count
            let difference = abs(length - referenceLength)
            if closestDifference == -1 || difference < closestDifference
                || (difference == closestDifference && referenceLength < closest) {
                closestDifference = difference
                closest = referenceLength
            }
        }
        return closest
    }
}
