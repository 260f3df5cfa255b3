/// The `intl` tokenizer: sacrebleu's version of mteval-v14.pl's international tokenization, which
/// splits Unicode punctuation (`\p{P}`) unless it sits between digits, and every symbol (`\p{S}`).
///
/// Categories come from Swift's Unicode tables; they agree with Python's `regex` module except on
/// scalars assigned in a Unicode version only one of them knows.
enum TokenizerIntl {
    static func tokenize(_ text: [UInt32]) -> [UInt32] {
        var line = TokenizerRules.separatingPairs(
            text, first: { !isNumber($0) }, second: isPunctuation, spacing: .between)
        line = TokenizerRules.separatingPairs(
            line, first: isPunctuation, second: { !isNumber($0) }, spacing: .before)
        return TokenizerRules.padding(line, where: isSymbol)
    }

    private static func category(_ value: UInt32) -> Unicode.GeneralCategory? {
        Unicode.Scalar(value)?.properties.generalCategory
    }

    private static func isNumber(_ value: UInt32) -> Bool {
        switch category(value) {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    private static func isPunctuation(_ value: UInt32) -> Bool {
        switch category(value) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    private static func isSymbol(_ value: UInt32) -> Bool {
        switch category(value) {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }
}
