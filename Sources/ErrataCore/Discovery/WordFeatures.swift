import BitCollections

extension Analysis {
    /// Presence features of the `options.words` most frequent words of the first input, by
    /// document frequency over `within` (ties by the word), leaving out stop words and words
    /// of one or two letters (as substrings they select too much). A word is a run of letters
    /// and digits, lower-cased; the expression is the substring test `lower(input) contains
    /// "word"` (so `film` also selects `films`), whose rows are what the search uses. Not a
    /// regular expression: a substring scan is cheaper at a million texts and has no
    /// backtracking to bound.
    func wordFeatures(_ options: FeatureOptions, within: BitSet) throws -> [DiscoveryFeature] {
        guard options.words > 0, let input = dataset.inputs.first, case .text(let texts) = input.storage else { return [] }
        var frequency: [String: Int] = [:]
        for row in within {
            var seen = Set<Substring>()
            let text = texts[row].lowercased()
            for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where word.count > 2 && seen.insert(word).inserted {
                if !Self.stopWords.contains(String(word)) { frequency[String(word), default: 0] += 1 }
            }
        }
        let top = frequency.filter { $0.value >= options.minSupport }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(options.words)
        let name = SliceExpression.quoteName(input.name)
        return try top.map { word, _ in
            let expression = "lower(\(name)) contains \(SliceExpression.quote(word))"
            let p = DiscoveryPredicate(label: "\(name) has \(SliceExpression.quote(word))", expression: expression, rows: try evaluator.rows(where: expression))
            return DiscoveryFeature(name: p.label, predicates: [p])
        }
    }

    /// English function words (the NLTK list's most common ones): frequent everywhere, so a
    /// slice on them says little.
    static let stopWords: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
        "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "just", "me", "more", "most", "my", "of", "on", "one", "only", "or", "other", "our",
        "out", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "to", "too", "up", "us", "was", "we", "were", "what", "when", "which", "while", "who", "will", "with",
        "would", "you", "your", "s", "t", "re", "ve", "ll", "d", "m", "der", "die", "das", "und", "le", "la", "les", "de",
        "el", "en",
    ]
}
