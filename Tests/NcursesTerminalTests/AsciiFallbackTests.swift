@testable import NcursesTerminal
import Testing

@Suite struct AsciiFallbackTests {
    @Test func linesAndBlocksHaveASCIIStandIns() {
        #expect(["─", "│", "┌", "┘", "╭", "═", "…", "█", "▌"].map(AsciiFallback.text) == ["-", "|", "+", "+", "+", "-", ".", "#", "#"])
    }

    @Test func otherTextBecomesQuestionMarks() {
        #expect(AsciiFallback.text("a") == "a")
        #expect(AsciiFallback.text("é") == "?")
        #expect(AsciiFallback.text("漢") == "?")
        #expect(AsciiFallback.text("\u{FFFD}") == "?")
    }
}
