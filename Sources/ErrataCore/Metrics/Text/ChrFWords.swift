/// The words chrF++ counts (Popović 2017): whitespace-separated tokens with one punctuation mark split
/// off the end, or else off the start, as in Popović's chrF++.py and sacrebleu's `_remove_punctuation`.
enum ChrFWords {
    /// The token ranges of `text`. Only one mark is split per word (so `(hi)` gives `(hi` and `)`), and
    /// one-scalar words stay whole; the punctuation set is Python's `string.punctuation` (ASCII).
    static func split(_ text: [UInt32]) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        for word in PythonText.split(text) {
            if word.count > 1, isPunctuation(text[word.upperBound - 1]) {
                tokens.append(word.lowerBound..<(word.upperBound - 1))
                tokens.append((word.upperBound - 1)..<word.upperBound)
            } else if word.count > 1, isPunctuation(text[word.lowerBound]) {
                tokens.append(word.lowerBound..<(word.lowerBound + 1))
                tokens.append((word.lowerBound + 1)..<word.upperBound)
            } else {
                tokens.append(word)
            }
        }
        return tokens
    }

    /// `string.punctuation`: the ASCII graphic characters that are neither letters nor digits.
    private static func isPunctuation(_ value: UInt32) -> Bool {
        (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
            || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
    }
}
