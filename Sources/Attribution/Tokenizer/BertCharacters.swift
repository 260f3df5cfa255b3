/// The character classes of BERT's basic tokenizer (Devlin et al. 2019), as the reference
/// implementation (Hugging Face `tokenizers`, behind the fast `BertTokenizer`) computes them.
///
/// The reference takes general categories, and canonical decompositions, from tables of Unicode
/// 8.0, while it takes white space and case mappings from the current standard. errata rebuilds
/// the old tables from the current ones: a category test counts only scalars that Unicode 8.0 had
/// assigned (`Unicode.Scalar.Properties.age`), with the few scalars whose category has changed
/// since listed by hand. A mark or punctuation sign added later is thus an ordinary letter to the
/// tokenizer, as it was to the model trained with it.
enum BertCharacters {
    /// Removed by text cleaning: controls other than tab, line feed and carriage return; format
    /// characters (zero-width joiners, direction marks, the byte-order mark); private use; and
    /// U+FFFD, the trace of a decoding error. NUL is a control.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0xFFFD: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .privateUse: return true
        case .format: return isInUnicode8(scalar)
        default: return false
        }
    }

    /// White space: tab, line feed, carriage return and the Unicode `White_Space` property.
    /// Cleaning has already removed the white-space controls (VT, FF, NEL) by then.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// CJK ideographs, each of which becomes a word of its own (the vocabulary holds them one by
    /// one). The ranges are the reference's, whose supplementary ranges skip U+2B820...U+2B91F.
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B81F,
             0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Punctuation, split off as a word of its own: every ASCII symbol (so `$`, `+`, `^` and `` ` ``
    /// split although Unicode does not call them punctuation) and Unicode 8.0's P* categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        // U+166D CANADIAN SYLLABICS CHI SIGN and U+111C9 SHARADA SANDHI MARK were punctuation
        // in Unicode 8.0.
        if value == 0x166D || value == 0x111C9 { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return isInUnicode8(scalar)
        default:
            return false
        }
    }

    /// A nonspacing mark (Mn) of Unicode 8.0, dropped after canonical decomposition to strip accents.
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // Nonspacing in Unicode 8.0, spacing marks since.
        case 0x1734, 0x1171E: return true
        // A letter (U+1885, U+1886), a spacing mark (U+A9BD) and punctuation (U+111C9) in Unicode 8.0.
        case 0x1885, 0x1886, 0xA9BD, 0x111C9: return false
        default: return scalar.properties.generalCategory == .nonspacingMark && isInUnicode8(scalar)
        }
    }

    /// Whether Unicode 8.0 had assigned the scalar: the reference's decomposition tables too are
    /// older than the scalars that later versions gave canonical decompositions.
    static func isInUnicode8(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 8 || (age.major == 8 && age.minor == 0)
    }
}
