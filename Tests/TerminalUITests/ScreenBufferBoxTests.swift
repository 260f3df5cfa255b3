import ErrataTestSupport
import Testing
import TerminalUI

@Suite struct ScreenBufferBoxTests {
    @Test func boxWithTitleInUnicodeAndAscii() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        buffer.drawBox(Rect(x: 0, y: 0, width: 12, height: 3), style: Style(foreground: .cyan), title: "Slices")
        buffer.symbols = .ascii
        buffer.drawBox(Rect(x: 6, y: 2, width: 6, height: 2), style: Style(), title: nil)
        #expect(buffer.snapshot() == """
            ┌─ Slices ─┐
            │          │
            └─────+----+
                  +----+

            a: fg:6
            aaaaaaaaaaaa
            a..........a
            aaaaaa......
            ............

            """)
    }

    @Test func titleIsClippedInsideTheCorners() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.drawBox(Rect(width: 8, height: 2), style: Style(), title: "Histogram")
        #expect(buffer.row(0).map(\.text).joined() == "┌─ His─┐")
    }

    @Test func tooSmallRectanglesDrawNothing() {
        var buffer = ScreenBuffer(width: 4, height: 4)
        buffer.drawBox(Rect(x: 0, y: 0, width: 1, height: 4), style: Style(), title: nil)
        #expect(buffer == ScreenBuffer(width: 4, height: 4))
    }

    @Test func panelGolden() {
        var buffer = ScreenBuffer(width: 24, height: 6)
        let frame = Rect(width: 24, height: 6)
        buffer.drawBox(frame, style: Style(foreground: .brightBlack), title: "Compare 漢字")
        let inside = frame.inset(by: 1)
        let rows = inside.rows(.fixed(1), .fill, .fixed(1))
        buffer.write("system   chrF", x: rows[0].x, y: rows[0].y, style: Style(attributes: [.bold, .underline]))
        buffer.write("uedin    62.1", x: rows[1].x, y: rows[1].y)
        buffer.fill(Rect(x: rows[1].x, y: rows[1].y + 1, width: rows[1].width, height: 1),
                    style: Style(foreground: .black, background: .yellow))
        buffer.write("online-B 61.3 café", x: rows[1].x, y: rows[1].y + 1, style: Style(foreground: .black, background: .yellow))
        buffer.write("q quit  / filter", x: rows[2].x, y: rows[2].y, style: Style(attributes: .dim), maxWidth: rows[2].width)
        assertSnapshot(buffer, named: "panel")
    }
}
