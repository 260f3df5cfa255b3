/// The parts of Python's `str` semantics that sacrebleu's definitions rest on, over Unicode scalar values.
///
/// sacrebleu (Post 2018) defines characters, n-gram windows, whitespace and case on Python strings,
/// which index by code point. Working on scalar values (never `Character`, which is a grapheme cluster)
/// keeps every count identical to sacrebleu's and avoids allocating a `String` per token or n-gram.
enum PythonText {
    /// The scalar values of `text`, the sequence a Python `str` indexes.
    static func scalars(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { result.append(scalar.value) }
        return result
    }

    /// Whether Python's `str.isspace()` holds, the set `str.split()` and `str.rstrip()` use with no
    /// argument. It is wider than ASCII (it includes U+001C...U+001F, NBSP and the U+2000 spaces) and
    /// narrower than some definitions (it excludes U+200B and U+180E).
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value <= 0x20 { return value == 0x20 || (0x09...0x0D).contains(value) || (0x1C...0x1F).contains(value) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The ranges of the words `str.split()` returns.
    static func split(_ text: [UInt32]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = -1
        for (index, value) in text.enumerated() {
            if isWhitespace(value) {
                if start >= 0 { words.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { words.append(start..<text.count) }
        return words
    }

    /// `str.rstrip()` with no argument.
    static func rstrip(_ text: [UInt32]) -> [UInt32] {
        var end = text.count
        while end > 0, isWhitespace(text[end - 1]) { end -= 1 }
        return end == text.count ? text : Array(text[..<end])
    }

    /// `str.lower()`: each scalar's full lowercase mapping (so U+0130 becomes two scalars), plus the one
    /// context-dependent rule Python applies, Final_Sigma, which Unicode's per-scalar mapping lacks.
    static func lower(_ text: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        for (index, value) in text.enumerated() {
            if value < 0x80 {
                result.append((0x41...0x5A).contains(value) ? value + 0x20 : value)
            } else if value == 0x3A3 {
                result.append(isFinalSigma(text, at: index) ? 0x3C2 : 0x3C3)
            } else if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { result.append(lowered.value) }
            } else {
                result.append(value)
            }
        }
        return result
    }

    /// Unicode's Final_Sigma context as CPython tests it: a cased letter before (skipping case-ignorable
    /// scalars) and no cased letter after (likewise skipping case-ignorable ones).
    private static func isFinalSigma(_ text: [UInt32], at index: Int) -> Bool {
        func properties(_ value: UInt32) -> Unicode.Scalar.Properties? { Unicode.Scalar(value)?.properties }
        var before = index - 1
        while before >= 0, properties(text[before])?.isCaseIgnorable == true { before -= 1 }
        guard before >= 0, properties(text[before])?.isCased == true else { return false }
        var after = index + 1
        while after < text.count, properties(text[after])?.isCaseIgnorable == true { after += 1 }
        return after == text.count || properties(text[after])?.isCased != true
    }
}
