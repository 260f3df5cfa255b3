import Testing
import TerminalUI

/// Strings whose widths terminals and naive per-scalar sums disagree on.
private let tricky: [(text: String, cells: Int)] = [
    ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2), // ZWJ family
    ("\u{1F1E9}\u{1F1EA}\u{1F1EB}\u{1F1F7}", 4), // two flags
    ("\u{1F1E9}", 2), // a lone regional indicator (Emoji_Presentation)
    ("e\u{301}", 1), // e + combining acute
    ("漢字", 4),
    ("ｆｕｌｌ", 8), // fullwidth Latin
    ("a\tb", 3), // a control character is drawn as "�"
    ("\r\n", 1), // one grapheme, one "�"
    ("\u{2764}\u{FE0F}x", 3), // heart with VS16 (emoji presentation)
    ("\u{2764}", 1), // heart as text
    ("1\u{FE0F}\u{20E3}", 2), // keycap
    ("\u{1F44D}\u{1F3FD}", 2), // thumbs up with a skin tone
    ("\u{200D}", 0), // a lone joiner
    ("x\u{FEFF}y", 2), // a byte-order mark inside text
    ("\u{301}a", 2), // a leading mark is drawn on a dotted circle
    ("\t\u{301}", 1), // a mark after a control joins its "�"
    ("\u{1100}\u{1161}\u{11A8}", 2), // Hangul jamo forming one syllable
    ("가", 2),
    ("caf\u{E9}", 4),
]

@Suite struct DisplayWidthTests {
    @Test func measuresGraphemeClusters() {
        #expect(DisplayWidth.of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}" as Character) == 2)
        #expect(DisplayWidth.of("\u{1F1E9}\u{1F1EA}" as Character) == 2)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("漢" as Character) == 2)
        #expect(DisplayWidth.of("\u{7}" as Character) == 1)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}" as Character) == 2)
        #expect(DisplayWidth.of("\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
        #expect(DisplayWidth.of("a" as Character) == 1)
    }

    @Test func measuresTextAsTheBufferDrawsIt() {
        for (text, cells) in tricky {
            var buffer = ScreenBuffer(width: 20, height: 1)
            #expect(DisplayWidth.of(text) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(buffer.write(text, x: 0, y: 0) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func truncatesBetweenGraphemes() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(DisplayWidth.truncate("ab" + family + "cd", to: 4) == "ab…")
        #expect(DisplayWidth.truncate("ab" + family + "cd", to: 5) == "ab" + family + "…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}x", to: 3) == "e\u{301}e\u{301}…")
        #expect(DisplayWidth.truncate("漢字漢", to: 4) == "漢…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func padsToWholeCells() {
        #expect(DisplayWidth.pad("\u{1F1E9}\u{1F1EA}", to: 4) == "\u{1F1E9}\u{1F1EA}  ")
        #expect(DisplayWidth.pad("e\u{301}", to: 3, alignRight: true) == "  e\u{301}")
        #expect(DisplayWidth.pad("漢字漢", to: 4) == "漢… ")
        #expect(DisplayWidth.pad("a\tb", to: 4) == "a\tb ")
    }
}
