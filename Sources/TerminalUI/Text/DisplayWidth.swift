/// Terminal cells of text, by grapheme cluster: the one rule the screen buffer draws by and
/// every view pads, truncates and wraps by, so layout never disagrees with drawing.
///
/// A grapheme takes the width of its first scalar that has one (a base letter with
/// combining marks is 1, a CJK ideograph 2, an emoji ZWJ sequence its first emoji's 2), two
/// cells for a flag (a pair of regional indicators) and for an emoji with U+FE0F; a control
/// character is drawn as "�", one cell; a cluster of only zero-width scalars (a lone joiner,
/// a byte-order mark) none. Widths come from the Unicode data files (`WidthTable`), in pure
/// Swift rather than `wcwidth`, so layout is testable without a terminal and the same under
/// every locale.
public enum DisplayWidth {
    /// Cells one grapheme takes drawn on its own (a lone combining mark: 1, on "◌").
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20 { return 1 }
        return Glyph(character).cells(leading: true)
    }

    /// Cells `text` takes written on one line by `ScreenBuffer.write`.
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ (0x20 ... 0x7E).contains($0) }) { return text.utf8.count }
        var total = 0, leading = true
        for character in text {
            total += cells(character, leading: leading)
            leading = false
        }
        return total
    }

    /// The longest prefix of `text` that fits in `width` cells, with "…" when cut; never cuts
    /// inside a grapheme.
    public static func truncate(_ text: String, to width: Int) -> String {
        if of(text) <= width { return text }
        guard width > 0 else { return "" }
        var end = text.startIndex, used = 0
        for character in text {
            let cells = cells(character, leading: end == text.startIndex)
            if used + cells > width - 1 { break }
            used += cells
            end = text.index(after: end)
        }
        return String(text[..<end]) + "…"
    }

    /// `text` padded with spaces to `width` cells (truncated if longer).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? fill + cut : cut + fill
    }

    /// Cells of a grapheme within a write; `leading` when nothing precedes it.
    static func cells(_ character: Character, leading: Bool) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20 { return 1 }
        return Glyph(character).cells(leading: leading)
    }

    /// Cells of a grapheme that starts with neither a control character nor a mark.
    static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        guard let base = scalars.first(where: { width(of: $0) > 0 }) else { return 0 }
        if isRegionalIndicator(base), scalars.count(where: isRegionalIndicator) >= 2 { return 2 }
        if scalars.contains("\u{FE0F}"), contains(WidthTable.emoji, base.value) { return 2 }
        return width(of: base)
    }

    /// C0, DEL and C1 controls, which the buffer draws as "�".
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ..< 0xA0).contains(scalar.value)
    }

    /// Combining marks, which draw on the grapheme before them.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: true
        default: false
        }
    }

    /// One scalar's cells: 0 for marks and format characters, 2 for wide ones, else 1.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x300 { return isControl(scalar) || scalar.value == 0xAD ? 0 : 1 }
        if isMark(scalar) || scalar.properties.generalCategory == .format { return 0 }
        return contains(WidthTable.wide, scalar.value) ? 2 : 1
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6 ... 0x1F1FF).contains(scalar.value)
    }

    /// Binary search of sorted, disjoint ranges.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}
