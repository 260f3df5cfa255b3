import Testing
import TerminalUI

private let red = Style(foreground: .red)
private let blue = Style(foreground: .blue)
private typealias Run = StyledText.Run

/// Lines as plain strings, the shape most wrapping assertions compare.
private func wrapped(_ text: String, _ width: Int) -> [String] {
    StyledText(text).lines(width: width).map(\.plainText)
}

@Suite struct StyledTextTests {
    @Test func appendingMergesRunsOfOneStyle() {
        var text = StyledText()
        text.append("ab", style: red)
        text.append("", style: blue)
        text.append("c", style: red)
        text.append("d", style: blue)
        #expect(text.runs == [Run("abc", style: red), Run("d", style: blue)])
        #expect(text.plainText == "abcd")
        #expect(StyledText("漢字 ok").width == 7)
    }

    @Test func wrapsAtSpaces() {
        #expect(wrapped("the quick brown fox", 10) == ["the quick", "brown fox"])
        #expect(wrapped("the quick brown fox", 19) == ["the quick brown fox"])
    }

    @Test func keepsTheSpacingRulesOfTheDetailView() {
        // The breaking space is dropped, others stay; leading spaces of a line are dropped.
        #expect(wrapped("a  b", 2) == ["a ", "b"])
        #expect(wrapped("a  b", 4) == ["a  b"])
        #expect(wrapped("  x", 5) == ["x"])
        #expect(wrapped("", 5) == [""])
        #expect(wrapped("abc", 0) == [])
    }

    @Test func honoursNewlines() {
        #expect(wrapped("ab\n\ncd\r\nef\n", 5) == ["ab", "", "cd", "ef", ""])
    }

    @Test func breaksALongerWordAtGraphemeBoundaries() {
        #expect(wrapped("abcdefgh ij", 3) == ["abc", "def", "gh", "ij"])
        #expect(wrapped("x abcdefgh", 4) == ["x", "abcd", "efgh"])
        // e + combining acute is one grapheme of one cell: never separated.
        #expect(wrapped("e\u{301}e\u{301}e\u{301}", 2) == ["e\u{301}e\u{301}", "e\u{301}"])
    }

    @Test func neverSplitsAWideCharacter() {
        #expect(wrapped("漢字漢字", 5) == ["漢字", "漢字"])
        #expect(wrapped("ab漢", 3) == ["ab", "漢"])
        // Wider than the whole width: a line of its own (the buffer draws it as a space).
        #expect(wrapped("a 漢b", 1) == ["a", "漢", "b"])
    }

    @Test func keepsStylesAcrossTheBreak() {
        var text = StyledText()
        text.append("hello wor", style: red)
        text.append("ld again", style: blue)
        let lines = text.lines(width: 8)
        #expect(lines.map(\.runs) == [
            [Run("hello", style: red)],
            [Run("wor", style: red), Run("ld", style: blue)],
            [Run("again", style: blue)],
        ])
    }

    @Test func wrapsOnlyTheLinesAskedFor() {
        let text = StyledText("one two three four five six")
        #expect(text.lines(width: 5, first: 2, count: 2).map(\.plainText) == ["three", "four"])
        #expect(text.lines(width: 5, first: 5, count: 9).map(\.plainText) == ["six"])
        #expect(text.lineCount(width: 5) == 6)
    }

    @Test func wrapsTheEndOfAMillionCharacters() {
        let text = StyledText(String(repeating: "abcdefghi ", count: 100_000))
        // Ten words of nine letters fill 99 cells; the final space breaks to an empty line.
        let full = String(repeating: "abcdefghi ", count: 9) + "abcdefghi"
        #expect(text.lines(width: 99, first: 9_999, count: 5).map(\.plainText) == [full, ""])
        #expect(text.lines(width: 99, first: 0, count: 1).map(\.plainText) == [full])
    }

    @Test func drawsFromAFirstLineAndReturnsTheRowsUsed() {
        var buffer = ScreenBuffer(width: 7, height: 3)
        var text = StyledText("one ", style: red)
        text.append("two three four", style: blue)
        #expect(text.draw(in: Rect(x: 1, y: 0, width: 5, height: 2), into: &buffer, firstLine: 1) == 2)
        #expect(buffer.row(0) == narrow(" two   "))
        #expect(buffer.row(1) == narrow(" three "))
        #expect(buffer.row(2) == narrow("       "))
        #expect(buffer[1, 0].style == blue)
        #expect(text.draw(in: Rect(x: 0, y: 2, width: 7, height: 5), into: &buffer, firstLine: 2) == 1)
        #expect(buffer.row(2) == narrow("four   "))
    }

    @Test func stylesScalarOffsetsByGrapheme() {
        // c a f e ◌́ ␠ 漢 字 ␠ o k: scalar offsets 0 to 10.
        let text = "cafe\u{301} 漢字 ok"
        #expect(StyledText(text: text, styling: [(0 ..< 4, red)]).runs == [Run("cafe\u{301}", style: red), Run(" 漢字 ok")])
        // A range holding only the mark does not split its grapheme off the e.
        #expect(StyledText(text: text, styling: [(4 ..< 5, red)]).runs == [Run(text)])
        // The later of overlapping ranges wins.
        #expect(StyledText(text: text, styling: [(0 ..< 8, red), (6 ..< 7, blue)]).runs
            == [Run("cafe\u{301} ", style: red), Run("漢", style: blue), Run("字", style: red), Run(" ok")])
        #expect(StyledText(text: text, styling: [(9 ..< 50, blue), (-3 ..< 1, red), (5 ..< 5, red)], base: red).runs
            == [Run("cafe\u{301} 漢字 ", style: red), Run("ok", style: blue)])
    }

    @Test func stylesAnEmojiSequenceAsAWhole() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(StyledText(text: family + " x", styling: [(2 ..< 5, red)]).runs == [Run(family + " x")])
        #expect(StyledText(text: family + " x", styling: [(0 ..< 1, red), (6 ..< 7, blue)]).runs
            == [Run(family, style: red), Run(" "), Run("x", style: blue)])
    }
}
