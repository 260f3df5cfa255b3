/// Features of a text that users slice on without writing code: length in characters and
/// tokens, the writing system, repetition.
public enum TextFeatures {
    /// Length in Unicode code points (what Python's `len` counts): the bytes that are not
    /// UTF-8 continuation bytes, counted 16 at a time (a byte at a time, the first
    /// `length(text)` slice of a million texts took twice as long as the slice itself).
    public static func characters(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        characters(in: b, b.indices)
    }

    /// The characters of `buffer[range]`. The last, partial block is read whole when the
    /// buffer goes on for 16 bytes (the next texts of a column) and the bytes past the range
    /// are masked out: short texts then cost one or two blocks and no byte-by-byte tail.
    @inline(__always)
    static func characters(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0, i = range.lowerBound
        while i + 16 <= range.upperBound, let block = ByteBlock(buffer, at: i) {
            n += block.characterCount(prefix: 16)
            i += 16
        }
        guard i < range.upperBound else { return n }
        if let block = ByteBlock(buffer, at: i) { return n + block.characterCount(prefix: range.upperBound - i) }
        while i < range.upperBound {
            if buffer[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// Whitespace-separated tokens.
    public static func tokens(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0, inToken = false
        for byte in b {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !space && !inToken { n += 1 }
            inToken = !space
        }
        return n
    }

    /// Share of tokens that repeat an earlier token of the same text (0 = none repeats):
    /// degenerate generation loops score high.
    public static func repetition(_ b: UnsafeBufferPointer<UInt8>) -> Double {
        var seen = Set<Substring>()
        var total = 0, repeated = 0
        let text = String(decoding: b, as: UTF8.self)
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            total += 1
            if !seen.insert(token).inserted { repeated += 1 }
        }
        return total == 0 ? 0 : Double(repeated) / Double(total)
    }

    /// The writing system of most letters in the text ("Latin", "Cyrillic", "Han", ...), or
    /// "None" when it has no letters.
    public static func script(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var counts: [Script: Int] = [:]
        for scalar in String(decoding: b, as: UTF8.self).unicodeScalars where scalar.properties.isAlphabetic {
            counts[Script(scalar), default: 0] += 1
        }
        guard let top = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }) else {
            return "None"
        }
        return top.key.rawValue
    }

    enum Script: String {
        case latin = "Latin", greek = "Greek", cyrillic = "Cyrillic", armenian = "Armenian", hebrew = "Hebrew"
        case arabic = "Arabic", devanagari = "Devanagari", bengali = "Bengali", thai = "Thai", georgian = "Georgian"
        case hangul = "Hangul", kana = "Kana", han = "Han", ethiopic = "Ethiopic", other = "Other"

        init(_ s: Unicode.Scalar) {
            switch s.value {
            case 0x41 ... 0x24F, 0x1E00 ... 0x1EFF, 0x2C60 ... 0x2C7F, 0xA720 ... 0xA7FF, 0xFF21 ... 0xFF5A: self = .latin
            case 0x370 ... 0x3FF, 0x1F00 ... 0x1FFF: self = .greek
            case 0x400 ... 0x52F, 0x2DE0 ... 0x2DFF, 0xA640 ... 0xA69F: self = .cyrillic
            case 0x530 ... 0x58F: self = .armenian
            case 0x590 ... 0x5FF: self = .hebrew
            case 0x600 ... 0x6FF, 0x750 ... 0x77F, 0x8A0 ... 0x8FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFF: self = .arabic
            case 0x900 ... 0x97F: self = .devanagari
            case 0x980 ... 0x9FF: self = .bengali
            case 0xE00 ... 0xE7F: self = .thai
            case 0x10A0 ... 0x10FF: self = .georgian
            case 0x1100 ... 0x11FF, 0x3130 ... 0x318F, 0xAC00 ... 0xD7AF: self = .hangul
            case 0x3040 ... 0x30FF, 0x31F0 ... 0x31FF, 0xFF66 ... 0xFF9F: self = .kana
            case 0x2E80 ... 0x2FDF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x2FA1F: self = .han
            case 0x1200 ... 0x139F: self = .ethiopic
            default: self = .other
            }
        }
    }
}
