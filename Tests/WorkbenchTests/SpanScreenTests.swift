import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// Golden screens of the instance view's spans: highlighted by severity (overlapping ones
/// marked), and a span being marked, in colour and without.
extension ScreenTests {
    /// Instance 1, the cursor on the last "s" of "sass" in A, inside rater1's minor span.
    @Test(arguments: ScreenTests.sizes) func spansHighlightedBySeverity(width: Int, height: Int) throws {
        for colors in [256, 0] {
            var state = try SpanFixture.state(width: width, height: height, colors: colors)
            keys(&state, [.enter, .character("w"), .character("w"), .character("w")])
            assertSnapshot(screen(state), named: "spans-\(colors == 0 ? "no-color-" : "")\(width)x\(height)")
        }
    }

    /// "Die Katze" being marked in A: back to the first word's start, then two word ends on.
    @Test(arguments: ScreenTests.sizes) func markingASpan(width: Int, height: Int) throws {
        for colors in [256, 0] {
            var state = try SpanFixture.state(width: width, height: height, colors: colors)
            keys(&state, [.enter, .character("w"), .character("b"), .character("v"), .character("W"), .character("W")])
            assertSnapshot(screen(state), named: "span-marking-\(colors == 0 ? "no-color-" : "")\(width)x\(height)")
        }
    }

    @Test func theDetailHelpListsTheSpanKeys() throws {
        var state = try SpanFixture.state(width: 120, height: 40)
        keys(&state, [.enter, .character("?")])
        assertSnapshot(screen(state), named: "detail-help-120x40")
    }

    @Test func everySizeDrawsTheSpansWithoutTrapping() throws {
        for width in stride(from: 1, through: 130, by: 9) {
            for height in stride(from: 1, through: 45, by: 5) {
                var state = try SpanFixture.state(width: width, height: height)
                state.overlay = .detail(DetailState(row: 0))
                keys(&state, [.character("v"), .character("W"), .tab, .character("$"), .character("H")])
                _ = screen(state)
            }
        }
    }
}

extension ScreenTests {
    /// The palette opened on a marked span names its characters and text.
    @Test func thePaletteOnAMarkedSpan() throws {
        var state = try SpanFixture.state(width: 80, height: 24)
        keys(&state, [.enter, .character("w"), .character("w"), .character("l"), .character("l"), .character("v"), .character("w"), .character("t")])
        assertSnapshot(screen(state), named: "span-palette-80x24")
    }
}
