/// A segment as BLEU counts it: its tokenized scalars and the ranges of its words.
struct BLEUWords {
    let text: [UInt32]
    let tokens: [Range<Int>]

    /// sacrebleu's preprocessing: optional `str.lower()`, `str.rstrip()`, the tokenizer, then
    /// whitespace splitting.
    init(_ segment: String, tokenizer: BLEU.Tokenizer, lowercase: Bool) {
        var scalars = PythonText.scalars(segment)
        if lowercase { scalars = PythonText.lower(scalars) }
        scalars = PythonText.rstrip(scalars)
        switch tokenizer {
        case .none: break
        case .thirteenA: scalars = Tokenizer13a.tokenize(scalars)
        case .intl: scalars = TokenizerIntl.tokenize(scalars)
        }
        text = scalars
        tokens = PythonText.split(scalars)
    }

    /// At most how many interned ids the segment needs.
    func idBound(_ maxOrder: Int) -> Int { text.count + maxOrder * tokens.count }

    /// The ids of the word n-grams of each order 1...`maxOrder`.
    func ngrams(_ interner: inout SequenceInterner, maxOrder: Int) -> [[UInt32]] {
        let ids = tokens.map { interner.token(text, $0) }
        return interner.ngrams(of: ids, root: SequenceInterner.wordRoot, maxOrder: maxOrder)
    }
}
