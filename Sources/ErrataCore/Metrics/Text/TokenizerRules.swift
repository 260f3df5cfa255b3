/// The rewriting steps sacrebleu's regular-expression tokenizers are made of, as scans over scalar
/// values (no regex engine). Each reproduces Python's `re.sub` on its pattern exactly: matches are
/// found left to right and do not overlap, so after a two-scalar match the scan resumes after both.
enum TokenizerRules {
    /// `re.sub(r'(X)', r' \1 ', text)`: surround every scalar in class X with spaces.
    static func padding(_ text: [UInt32], where matches: (UInt32) -> Bool) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count + text.count / 2)
        for value in text {
            if matches(value) {
                result.append(space)
                result.append(value)
                result.append(space)
            } else {
                result.append(value)
            }
        }
        return result
    }

    /// Where a two-scalar rule puts its spaces: `\1 \2 ` (`.between`) or ` \1 \2` (`.before`).
    enum PairSpacing {
        case between
        case before
    }

    /// `re.sub(r'(X)(Y)', replacement, text)` for a scalar in class X followed by one in class Y.
    static func separatingPairs(
        _ text: [UInt32], first: (UInt32) -> Bool, second: (UInt32) -> Bool, spacing: PairSpacing
    ) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count + text.count / 4)
        var index = 0
        while index < text.count {
            if index + 1 < text.count, first(text[index]), second(text[index + 1]) {
                if spacing == .before { result.append(space) }
                result.append(text[index])
                result.append(space)
                result.append(text[index + 1])
                if spacing == .between { result.append(space) }
                index += 2
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }

    /// `text.replace(old, new)`: every non-overlapping occurrence, left to right.
    static func replacing(_ pattern: [UInt32], with replacement: [UInt32], in text: [UInt32]) -> [UInt32] {
        guard let head = pattern.first, text.contains(head) else { return text }
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == head, index + pattern.count <= text.count,
               text[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: replacement)
                index += pattern.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }

    static let space: UInt32 = 0x20

    /// Python's `[0-9]`: ASCII digits only.
    static func isASCIIDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }
}
