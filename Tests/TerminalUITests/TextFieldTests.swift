import Testing
import TerminalUI

/// A field after `keys`, starting from `text` with the cursor at `cursor`.
private func edited(_ text: String, cursor: Int? = nil, _ keys: [Key], history: [String] = []) -> TextField {
    var field = TextField(text)
    for _ in 0 ..< (field.count - (cursor ?? field.count)) { field.moveLeft() }
    for key in keys { _ = field.handle(key, history: history) }
    return field
}

@Suite struct TextFieldTests {
    @Test func insertsAtTheCursor() {
        let field = edited("slce", cursor: 2, [.character("i")])
        #expect(field.text == "slice" && field.cursor == 3)
        // A combining mark typed after a letter joins it: one grapheme, one cursor step.
        let accented = edited("cafe", [.character("\u{301}"), .character("!")])
        #expect(accented.text == "cafe\u{301}!" && accented.cursor == 5 && accented.count == 5)
        var pasted = TextField("a")
        pasted.moveToStart()
        pasted.insert("漢字 ")
        #expect(pasted.text == "漢字 a" && pasted.cursor == 3)
    }

    @Test func deletesBackwardAndForward() {
        #expect(edited("abc", cursor: 1, [.backspace]).text == "bc")
        #expect(edited("abc", cursor: 0, [.backspace]).text == "abc")
        let forward = edited("abc", cursor: 1, [.delete])
        #expect(forward.text == "ac" && forward.cursor == 1)
        #expect(edited("abc", [.delete]).text == "abc")
        #expect(edited("e\u{301}x", cursor: 1, [.backspace]).text == "x")
    }

    @Test func movesByGraphemesWordsAndEnds() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(edited(family + "ab", [.left, .left, .left]).cursor == 0)
        #expect(edited("ab", [.right, .right, .home]).cursor == 0)
        #expect(edited("ab", cursor: 0, [.control("e")]).cursor == 2)
        #expect(edited("ab", [.control("a"), .left]).cursor == 0)
        #expect(edited("ab", cursor: 0, [.end, .right]).cursor == 2)
        // "slice length(input) > 20": words are letters and digits.
        let line = "slice length(input) > 20"
        #expect(edited(line, [.alt("b")]).cursor == 22)
        #expect(edited(line, [.alt("b"), .controlLeft]).cursor == 13)
        #expect(edited(line, [.alt("b"), .controlLeft, .controlLeft, .controlLeft, .controlLeft]).cursor == 0)
        #expect(edited(line, cursor: 0, [.alt("f")]).cursor == 5)
        #expect(edited(line, cursor: 0, [.alt("f"), .controlRight]).cursor == 12)
        #expect(edited(line, cursor: 19, [.controlRight]).cursor == 24)
    }

    @Test func killsToTheStartTheEndAndTheWordBefore() {
        let start = edited("slice genre", cursor: 6, [.control("u")])
        #expect(start.text == "genre" && start.cursor == 0)
        let end = edited("slice genre", cursor: 5, [.control("k")])
        #expect(end.text == "slice" && end.cursor == 5)
        let word = edited("slice length(input) ", [.control("w")])
        #expect(word.text == "slice " && word.cursor == 6)
        #expect(edited("slice length(input)", [.control("w"), .control("w")]).text == "")
    }

    @Test func browsesHistoryAndKeepsTheTypedLine() {
        let history = ["slice a", "sort id", "by genre"]
        #expect(edited("draft", [.up], history: history).text == "by genre")
        let oldest = edited("draft", [.up, .up, .up, .up], history: history)
        #expect(oldest.text == "slice a" && oldest.historyIndex == 0 && oldest.cursor == 7)
        #expect(edited("draft", [.up, .up, .down], history: history).text == "by genre")
        let back = edited("draft", [.up, .down], history: history)
        #expect(back.text == "draft" && back.historyIndex == nil && back.cursor == 5)
        #expect(edited("draft", [.down], history: history).text == "draft")
        // Without history the owner gets ↑/↓ (the picker moves its choice with them).
        var field = TextField("x")
        #expect(!field.handle(.up) && !field.handle(.enter) && !field.handle(.tab))
        #expect(field.handle(.character("y")) && field.text == "xy")
    }

    @Test func drawsTheTextAndABlockCursor() {
        let selected = Style(attributes: .reverse)
        var buffer = ScreenBuffer(width: 8, height: 2)
        #expect(TextField("ab").draw(x: 1, y: 0, width: 6, into: &buffer, cursorStyle: selected) == 3)
        #expect(buffer.row(0) == narrow(" ab     "))
        #expect(buffer[3, 0].style == selected && buffer[2, 0].style == Style())
        #expect(edited("abc", cursor: 1, []).draw(x: 0, y: 1, width: 8, into: &buffer, cursorStyle: selected) == 3)
        #expect(buffer[1, 1].text == "b" && buffer[1, 1].style == selected && buffer[3, 1].style == Style())
    }

    @Test func drawsOnlyTheWindowAroundTheCursorOfALongLine() {
        let digits = String((0 ..< 30_000).map { Character(String($0 % 10)) })
        let selected = Style(attributes: .reverse)
        var buffer = ScreenBuffer(width: 10, height: 3)
        var field = TextField(digits)
        // At the end: the last nine digits, then the cursor.
        #expect(field.firstVisible(width: 10) == 29_991)
        field.draw(x: 0, y: 0, width: 10, into: &buffer, cursorStyle: selected)
        #expect(buffer.row(0) == narrow("123456789 ") && buffer[9, 0].style == selected)
        // In the middle: the cursor keeps half the width of text after it in view.
        for _ in 0 ..< 15_000 { field.moveLeft() }
        field.draw(x: 0, y: 1, width: 10, into: &buffer, cursorStyle: selected)
        #expect(buffer.row(1) == narrow("5678901234") && buffer[5, 1].style == selected && buffer[5, 1].text == "0")
        // At the start the line shows from its beginning.
        field.moveToStart()
        field.draw(x: 0, y: 2, width: 10, into: &buffer, cursorStyle: selected)
        #expect(buffer.row(2) == narrow("0123456789") && buffer[0, 2].style == selected)
    }

    @Test func keepsAWideCharacterWholeAtTheLeftEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let field = TextField("漢字漢字")
        #expect(field.firstVisible(width: 5) == 2)
        #expect(field.draw(x: 0, y: 0, width: 5, into: &buffer, cursorStyle: Style(attributes: .reverse)) == 5)
        #expect(buffer.row(0) == [Pair("漢", 2), Pair("", 0), Pair("字", 2), Pair("", 0), Pair(" ", 1)])
    }
}
