/// chrF (Popović 2015) and chrF++ (Popović 2017) exactly as sacrebleu 2.6.0's `CHRF` computes them
/// (Post 2018).
///
/// Statistics are, per order (character orders 1...`charOrder`, then word orders 1...`wordOrder`),
/// the triple [hypothesis n-grams, reference n-grams, matched n-grams]: sacrebleu's layout, so a
/// slice's summed vector scores to sacrebleu's `corpus_score`. With several references, a sentence
/// keeps the statistics of the reference with the best sentence-level F-score, as sacrebleu does.
public struct ChrF: TextPairMetric {
    /// Character n-gram order (6 in sacrebleu and in chrF's paper).
    public let charOrder: Int
    /// Word n-gram order: 0 for chrF, 2 for chrF++.
    public let wordOrder: Int
    /// Recall weight: F-beta with beta 2 weighs recall twice as much as precision.
    public let beta: Int
    /// Compare lowercased text (Python `str.lower()`).
    public let lowercase: Bool
    /// Keep whitespace inside character n-grams (sacrebleu removes it by default).
    public let whitespace: Bool
    /// Average per-order F-scores with epsilon for empty orders (chrF++.py, NLTK, Moses) instead of
    /// sacrebleu's default: F of the averaged precision and recall over the orders that occur.
    public let epsSmoothing: Bool

    public init(
        charOrder: Int = 6, wordOrder: Int = 0, beta: Int = 2,
        lowercase: Bool = false, whitespace: Bool = false, epsSmoothing: Bool = false
    ) {
        self.charOrder = charOrder
        self.wordOrder = wordOrder
        self.beta = beta
        self.lowercase = lowercase
        self.whitespace = whitespace
        self.epsSmoothing = epsSmoothing
    }

    /// `chrf`, `chrf+`, `chrf++`: one plus sign per word order, as sacrebleu names its scores.
    public var name: String { "chrf" + String(repeating: "+", count: wordOrder) }
    public var statisticsCount: Int { 3 * (charOrder + wordOrder) }
    public var higherIsBetter: Bool { true }

    public func statistics(hypothesis: String, references: [String], into: UnsafeMutableBufferPointer<Double>) {
        let best = sentenceStatistics(hypothesis: hypothesis, references: references)
        for index in 0..<statisticsCount { into[index] = best[index] }
    }

    public func sentenceScore(hypothesis: String, references: [String]) -> Double {
        sentenceStatistics(hypothesis: hypothesis, references: references).withUnsafeBufferPointer { score($0) }
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        ChrFScore(beta: beta, orderCount: charOrder + wordOrder, epsSmoothing: epsSmoothing).fScore(statistics)
    }

    /// The statistics against the best-scoring reference (the first of equals); zeros without references.
    private func sentenceStatistics(hypothesis: String, references: [String]) -> [Double] {
        let hypothesisText = prepared(hypothesis)
        let referenceTexts = references.map(prepared)
        let scalarCount = referenceTexts.reduce(hypothesisText.count) { $0 + $1.count }
        var interner = SequenceInterner(expectedCount: scalarCount * (charOrder + 2 * wordOrder + 1))
        let hypothesisGrams = ngrams(hypothesisText, &interner)
        let referenceGrams = referenceTexts.map { ngrams($0, &interner) }
        var tally = NGramTally(idCount: interner.count)
        var best = [Double](repeating: 0, count: statisticsCount)
        var bestScore = -1.0
        for reference in referenceGrams {
            var candidate: [Double] = []
            candidate.reserveCapacity(statisticsCount)
            for (hypothesisOrder, referenceOrder) in zip(hypothesisGrams, reference) {
                // sacrebleu counts no hypothesis n-grams of an order the reference is too short to have.
                candidate.append(referenceOrder.isEmpty ? 0 : Double(hypothesisOrder.count))
                candidate.append(Double(referenceOrder.count))
                candidate.append(Double(tally.matches(hypothesisOrder, referenceOrder)))
            }
            let candidateScore = candidate.withUnsafeBufferPointer { score($0) }
            if candidateScore > bestScore {
                bestScore = candidateScore
                best = candidate
            }
        }
        return best
    }

    private func prepared(_ text: String) -> [UInt32] {
        let scalars = PythonText.scalars(text)
        return lowercase ? PythonText.lower(scalars) : scalars
    }

    /// Character n-gram ids per order, then word n-gram ids per order.
    private func ngrams(_ text: [UInt32], _ interner: inout SequenceInterner) -> [[UInt32]] {
        let characters = whitespace ? text : text.filter { !PythonText.isWhitespace($0) }
        var grams = interner.ngrams(of: characters, root: SequenceInterner.characterRoot, maxOrder: charOrder)
        if wordOrder > 0 {
            let words = ChrFWords.split(text).map { interner.token(text, $0) }
            grams += interner.ngrams(of: words, root: SequenceInterner.wordRoot, maxOrder: wordOrder)
        }
        return grams
    }
}
