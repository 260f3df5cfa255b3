import ErrataCore

/// English-like sentences: 5 to 25 words from `Vocabulary`, an occasional comma, a capital
/// and a full stop.
///
/// Sentences are kept as word arrays until written, so that noisy hypotheses can drop, swap
/// and substitute whole words.
struct SentenceSampler: Sendable {
    private let choice = WeightedChoice(count: Vocabulary.words.count, offset: 2)

    func word(_ generator: inout SeededGenerator) -> String {
        Vocabulary.words[choice.draw(&generator)]
    }

    /// The words of one sentence; about one word in twelve carries a trailing comma, so CSV
    /// files hold quoted fields as real exports do.
    func sentence(_ generator: inout SeededGenerator) -> [String] {
        let length = generator.next(in: 5 ... 25)
        return (0 ..< length).map { index in
            let w = word(&generator)
            return index < length - 1 && generator.nextUnit() < 1.0 / 12 ? w + "," : w
        }
    }

    /// The words joined as a sentence: first letter capitalised, a full stop at the end.
    static func render(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        var text = first.prefix(1).uppercased() + first.dropFirst()
        for w in words.dropFirst() {
            text += " "
            text += w
        }
        if text.hasSuffix(",") { text.removeLast() }
        return text + "."
    }
}
