import Testing
import TerminalUI

@Suite struct ScreenBufferWriteTests {
    @Test func writesAsciiAndReturnsColumnsUsed() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        let bold = Style(attributes: .bold)
        #expect(buffer.write("hello", x: 1, y: 0, style: bold) == 5)
        #expect(buffer.row(0) == narrow(" hello  "))
        #expect(buffer[1, 0].style == bold)
        #expect(buffer[0, 0].style == Style())
    }

    @Test func clipsAtMaxWidthAndAtTheEdge() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        #expect(buffer.write("abcdef", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(buffer.write("abcdef", x: 4, y: 1) == 2)
        #expect(buffer.row(0) == narrow("abc   "))
        #expect(buffer.row(1) == narrow("    ab"))
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        #expect(buffer.write("漢字", x: 0, y: 0) == 4)
        #expect(buffer.row(0) == [Pair("漢", 2), Pair("", 0), Pair("字", 2), Pair("", 0), Pair(" ", 1), Pair(" ", 1)])
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        let red = Style(foreground: .red)
        #expect(buffer.write("ab漢字", x: 0, y: 0, style: red) == 5)
        #expect(buffer.row(0) == [Pair("a", 1), Pair("b", 1), Pair("漢", 2), Pair("", 0), Pair(" ", 1)])
        #expect(buffer[4, 0].style == red)
        #expect(buffer.write("漢字", x: 0, y: 1, maxWidth: 3) == 3)
        #expect(buffer.row(1) == [Pair("漢", 2), Pair("", 0), Pair(" ", 1), Pair(" ", 1), Pair(" ", 1)])
    }

    @Test func aWideCharacterStraddlingTheLeftEdgeLeavesASpace() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        #expect(buffer.write("漢ab", x: -1, y: 0) == 4)
        #expect(buffer.row(0) == narrow(" ab "))
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.write("漢", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        buffer.write("漢", x: 1, y: 1)
        buffer.write("y", x: 1, y: 1)
        #expect(buffer.row(0) == narrow(" x  "))
        #expect(buffer.row(1) == narrow(" y  "))
        buffer.write("字", x: 0, y: 1)
        #expect(buffer.row(1) == [Pair("字", 2), Pair("", 0), Pair(" ", 1), Pair(" ", 1)])
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        #expect(buffer.write("e\u{301}n\u{303}\u{323}x", x: 0, y: 0) == 3)
        #expect(buffer[0, 0].text.unicodeScalars.map(\.value) == [0x65, 0x301])
        #expect(buffer[1, 0].text.unicodeScalars.map(\.value) == [0x6E, 0x303, 0x323])
        #expect(buffer.row(0).map(\.width) == [1, 1, 1, 1, 1])
        #expect(buffer[2, 0].text == "x")
    }

    @Test func aLeadingCombiningMarkIsDrawnOnADottedCircle() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        #expect(buffer.write("\u{301}a", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].text.unicodeScalars.map(\.value) == [0x25CC, 0x301])
        #expect(buffer[1, 0].text == "a")
    }

    @Test func controlCharactersShowAsReplacementAndZeroWidthIsSkipped() {
        var buffer = ScreenBuffer(width: 7, height: 1)
        #expect(buffer.write("\u{FEFF}a\tb\u{200B}c\r\n", x: 0, y: 0) == 5)
        #expect(buffer.row(0) == narrow("a\u{FFFD}bc\u{FFFD}  "))
    }

    @Test func rowsOutsideTheBufferAreIgnored() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        #expect(buffer.write("abc", x: 0, y: 1) == 0)
        #expect(buffer.write("abc", x: 0, y: -1) == 0)
        #expect(buffer == ScreenBuffer(width: 3, height: 1))
    }

    @Test func subscriptKeepsWideCharactersWhole() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer[2, 0] = Cell(text: "漢", width: 2)
        #expect(buffer.row(0) == narrow("   "))
        buffer[0, 0] = Cell(text: "漢", width: 2)
        #expect(buffer.row(0) == [Pair("漢", 2), Pair("", 0), Pair(" ", 1)])
        buffer[2, 0] = Cell.continuation(Style())
        #expect(buffer[2, 0] == .blank)
        buffer[1, 0] = Cell.continuation(Style(attributes: .bold))
        #expect(buffer[1, 0] == Cell.continuation(Style(attributes: .bold)))
        #expect(buffer[5, 5] == .blank)
    }

    @Test func fillCoversTheClippedRectangle() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        let shade = Style(background: .blue)
        buffer.fill(Rect(x: 3, y: 1, width: 4, height: 4), style: shade, character: "#")
        #expect(buffer.row(0) == narrow("     "))
        #expect(buffer.row(1) == narrow("   ##"))
        #expect(buffer.row(2) == narrow("   ##"))
        #expect(buffer[4, 2].style == shade)
        buffer.fill(Rect(x: 0, y: 0, width: 3, height: 1), character: "漢")
        #expect(buffer.row(0) == [Pair("漢", 2), Pair("", 0), Pair(" ", 1), Pair(" ", 1), Pair(" ", 1)])
    }
}
