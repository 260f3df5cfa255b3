import Testing
import TerminalUI

@Suite struct ScreenBufferSnapshotTests {
    @Test func textThenLegendThenStyleGrid() {
        var buffer = ScreenBuffer(width: 6, height: 3)
        buffer.write("ok", x: 0, y: 0, style: Style(foreground: .green, attributes: .bold))
        buffer.write("漢字", x: 1, y: 1, style: Style(background: .grey(3), attributes: .reverse))
        buffer.write("x ", x: 4, y: 2, style: Style(foreground: .green, attributes: .bold))
        #expect(buffer.snapshot() == """
            ok    
             漢字 
                x 

            a: fg:2 bold
            b: bg:235 reverse
            aa....
            .bbbb.
            ....aa

            """)
    }

    @Test func plainFramesSayTheyHaveNoStyles() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("a", x: 1, y: 0)
        #expect(buffer.snapshot() == " a \n\n(no styles)\n")
    }

    @Test func lettersFollowFirstAppearanceAndRunOutIntoAStar() {
        var buffer = ScreenBuffer(width: 70, height: 1)
        for x in 0 ..< 70 {
            buffer[x, 0] = Cell(text: "x", width: 1, style: Style(foreground: .indexed(UInt8(16 + x))))
        }
        let lines = buffer.snapshot().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "a: fg:16")
        #expect(lines[63] == "9: fg:77")
        #expect(lines[64] == "*: any further style")
        #expect(lines[65] == "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789********")
    }
}
