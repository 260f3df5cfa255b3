/// The `13a` tokenizer: sacrebleu's re-implementation of mteval-v13a.pl's normalisation, the standard
/// for WMT BLEU (Post 2018). It is ASCII-only: no Unicode punctuation is split.
enum Tokenizer13a {
    /// The tokenized text (tokens separated by whitespace) of an already right-stripped segment.
    static func tokenize(_ text: [UInt32]) -> [UInt32] {
        // Language-independent part, applied in mteval's order (each replacement sees the previous
        // one's output); all of it needs a '<', a newline or an '&', which most segments lack.
        var line = text
        if text.contains(where: { $0 == 0x3C || $0 == 0x0A || $0 == 0x26 }) {
            for (old, new) in replacements { line = TokenizerRules.replacing(old, with: new, in: line) }
        }
        // Language-dependent part, on the line padded with a space at each end as mteval pads it.
        line = [TokenizerRules.space] + line + [TokenizerRules.space]
        line = TokenizerRules.padding(line, where: isSplitPunctuation)
        // Periods and commas split unless preceded by a digit, then unless followed by one.
        line = TokenizerRules.separatingPairs(
            line, first: { !TokenizerRules.isASCIIDigit($0) }, second: isPeriodOrComma, spacing: .between)
        line = TokenizerRules.separatingPairs(
            line, first: isPeriodOrComma, second: { !TokenizerRules.isASCIIDigit($0) }, spacing: .before)
        // A dash splits when preceded by a digit.
        return TokenizerRules.separatingPairs(
            line, first: TokenizerRules.isASCIIDigit, second: { $0 == 0x2D }, spacing: .between)
    }

    private static let replacements = [
        ("<skipped>", ""), ("-\n", ""), ("\n", " "),
        ("&quot;", "\""), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"),
    ].map { (PythonText.scalars($0), PythonText.scalars($1)) }

    /// The class `[\{-\~\[-\` -\&\(-\+\:-\@\/]`: ASCII punctuation and space except `'`, `,`, `-`, `.`.
    private static func isSplitPunctuation(_ value: UInt32) -> Bool {
        (0x7B...0x7E).contains(value) || (0x5B...0x60).contains(value) || (0x20...0x26).contains(value)
            || (0x28...0x2B).contains(value) || (0x3A...0x40).contains(value) || value == 0x2F
    }

    private static func isPeriodOrComma(_ value: UInt32) -> Bool { value == 0x2E || value == 0x2C }
}
