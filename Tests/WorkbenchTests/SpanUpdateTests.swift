import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
import Typology
@testable import Workbench

/// Marking and tagging a span as `update` sees it: the cursor's moves, the selection, the
/// palette opened on the span and the exact tag handed to the store.
@Suite struct SpanUpdateTests {
    func send(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { step(&state, .event(.key($0))) }
    }

    func detail(_ state: AppState) throws -> DetailState {
        guard case .detail(let detail)? = state.overlay else { throw DetailClosed() }
        return detail
    }

    struct DetailClosed: Error {}

    @Test func theCursorMovesByCharacterAndWordWithinTheOutput() throws {
        var state = try SpanFixture.state(width: 80, height: 24)
        _ = send(&state, [.enter])
        #expect(try detail(state).focusedSystem(state) == "A")
        let text = "Die Katze sass auf dem Matte."
        var positions: [Int] = []
        for key: Key in [.character("l"), .character("w"), .character("w"), .character("w"), .character("b"), .character("b"),
                         .controlRight, .character("$"), .right, .character("w"), .character("0"), .left, .character("b")] {
            _ = send(&state, [key])
            positions.append(try detail(state).cursor)
        }
        // l: 'i'; w: end of "Die"; w: end of "Katze"; w: end of "sass"; b: start of "sass"; b: start of "Katze";
        // Ctrl-→: end of "Katze"; $: the final "."; → and w stay there; 0: start; ← and b stay there.
        #expect(positions == [1, 2, 8, 13, 10, 4, 8, 28, 28, 28, 0, 0, 0])
        #expect(Array(text.unicodeScalars).count == 29)
    }

    @Test func aMarkedSpanIsTaggedWithItsCharacters() throws {
        var state = try SpanFixture.state(width: 80, height: 24)
        // "sass": to its first character, mark, to the word's end.
        _ = send(&state, [.enter, .character("w"), .character("w"), .character("l"), .character("l"), .character("v"), .character("w")])
        #expect(try detail(state).selection == TextSpan(start: 10, end: 14))
        #expect(detailStatus(state, try detail(state)) == "marking 10:14 of A: “sass” · t tags it · Esc stops")
        _ = send(&state, [.character("t")])
        let palette = try #require(state.tagging.palette)
        #expect(palette.system == "A" && palette.span == TextSpan(start: 10, end: 14) && palette.replacing == nil)
        #expect(try detail(state).anchor == nil)
        _ = send(&state, [.tab])
        #expect(state.tagging.palette?.error == "the marked span is in A's output: the tag stays on it" && state.tagging.palette?.system == "A")
        // Fluency/Spelling through the picker, then major.
        _ = send(&state, [.character("/")] + "spell".map { Key.character($0) } + [.enter, .escape, .character("!"), .character("!"), .character("!")])
        let effects = send(&state, [.enter])
        #expect(effects == [.tagging(.save(Tag(instance: "1", system: "A", span: TextSpan(start: 10, end: 14),
                                               categories: [CategoryPath("Fluency/Spelling")!], severity: "major", annotator: "ana", time: ""),
                                           replacing: nil))])
        // The store answers: the span is drawn and listed with the user's tags.
        let saved = Tag(instance: "1", system: "A", span: TextSpan(start: 10, end: 14), categories: [CategoryPath("Fluency/Spelling")!],
                        severity: "major", annotator: "ana", time: "2026-01-01T00:00:01.000Z")
        _ = step(&state, .tagging(.saved(StoredTag(id: 2, tag: saved), .mqm)))
        #expect(state.message?.text == "saved 1 (A 10:14): Fluency/Spelling")
        #expect(state.tagging.spanTags(instance: "1", system: "A").filter { $0.annotator == "ana" }.map(\.span) == [TextSpan(start: 10, end: 14)])
        // t on the same span edits that tag; t without a span tags the output as a whole.
        _ = send(&state, [.character("v"), .character("b"), .character("t")])
        #expect(state.tagging.palette?.replacing == 2 && state.tagging.palette?.categories == [CategoryPath("Fluency/Spelling")!])
        _ = send(&state, [.escape, .character("t")])
        #expect(state.tagging.palette?.span == nil && state.tagging.palette?.system == "A")
    }

    @Test func escapeStopsMarkingBeforeItClosesAndTabMovesTheFocus() throws {
        var state = try SpanFixture.state(width: 80, height: 24)
        _ = send(&state, [.enter, .character("L"), .character("L")])
        #expect(try detail(state).selection == TextSpan(start: 0, end: 3))
        _ = send(&state, [.escape])
        #expect(try detail(state).anchor == nil)
        _ = send(&state, [.tab, .tab])
        #expect(try detail(state).focusedSystem(state) == "C")
        _ = send(&state, [.backTab, .backTab, .backTab])
        #expect(try detail(state).focusedSystem(state) == "C")
        _ = send(&state, [.escape])
        #expect(state.overlay == nil)
    }

    /// `o` cycles through the user, then the experts, then all again; the status line lists
    /// the spans under the cursor of the annotators shown.
    @Test func annotatorsCycleAndTheStatusLineNamesTheSpansUnderTheCursor() throws {
        var state = try SpanFixture.state(width: 80, height: 24)
        // On the "d" of "dem" (19): rater1's major span and rater2's minor one.
        _ = send(&state, [.enter] + Array(repeating: Key.character("l"), count: 19))
        #expect(detailStatus(state, try detail(state))
            == "rater1: Accuracy/Mistranslation (major) 19:28 · rater2: Fluency/Grammar (minor) 15:22")
        var shown: [String?] = []
        for _ in 0 ..< 4 {
            _ = send(&state, [.character("o")])
            shown.append(try detail(state).annotator)
        }
        #expect(shown == ["ana", "rater1", "rater2", nil])
        _ = send(&state, [.character("o"), .character("o")])
        #expect(detailStatus(state, try detail(state)) == "rater1: Accuracy/Mistranslation (major) 19:28")
    }

    /// Every system is shown, the focused one's lines kept on screen as the focus moves down
    /// a screen too short for them all.
    @Test func theFocusedOutputStaysInView() throws {
        var state = try SpanFixture.state(width: 80, height: 14)
        _ = send(&state, [.enter, .tab, .tab])
        var buffer = ScreenBuffer(width: 80, height: 14)
        render(state, into: &buffer)
        #expect(buffer.snapshot().contains("▸ C · chrf"))
        let top = try detail(state).top
        #expect(top > 0)
        _ = send(&state, [.pageUp])
        let scrolled = try detail(state)
        #expect(scrolled.top < top && scrolled.scrolled)
        render(state, into: &buffer)
        #expect(!buffer.snapshot().contains("▸ C · chrf"))
        // Moving the cursor brings it back into view.
        _ = send(&state, [.character("l")])
        render(state, into: &buffer)
        let back = try detail(state)
        #expect(buffer.snapshot().contains("▸ C · chrf") && !back.scrolled)
    }

    @Test func anEmptyOutputCannotBeMarked() throws {
        var dataset = try Fixtures.load("mt.csv", "id,source,reference,out_a\n1,a,b,\"\"\n", roles: {
            var roles = ColumnRoles()
            roles.id = "id"
            roles.inputs = ["source"]
            roles.label = "reference"
            roles.outputs = [("A", "out_a")]
            return roles
        }())
        dataset.expertRatings = ExpertRatings()
        var state = AppState.settled(analysis: Analysis(dataset: dataset), width: 80, height: 24)
        _ = send(&state, [.enter, .character("v")])
        #expect(state.message?.text == "A has no output here to mark")
        #expect(try detail(state).anchor == nil)
    }

    /// rater1 and rater2 marked different spans in A of instance 1 (a span disagreement), and
    /// in B ana marked a mistranslation where rater2 found no error: `:disagreements` finds
    /// both units with the experts counted as annotators.
    @Test func spanDisagreementsJoinTheQueue() throws {
        var state = try SpanFixture.state(width: 80, height: 24)
        _ = send(&state, [.character(":")] + "disagreements".map { Key.character($0) } + [.enter])
        #expect(state.filter == #"id in ["1"]"# && state.rows == [0])
        #expect(state.message?.text == "2 units where annotators disagree, of 2 tagged by two or more · Enter shows each one's tags")
    }

    /// An output of 300,000 characters: the layout stops at its line limit, the cursor stops
    /// at the reachable characters, and an output below the cut can still take the focus.
    @Test func aHugeOutputIsCutAndTheViewStillAnswers() throws {
        let huge = String(repeating: "word ", count: 60_000)
        var roles = ColumnRoles()
        roles.id = "id"
        roles.inputs = ["source"]
        roles.label = "reference"
        roles.outputs = [("A", "out_a"), ("B", "out_b")]
        let dataset = try Fixtures.load("long.csv", "id,source,reference,out_a,out_b\n1,a,b,\"\(huge)\",short\n", roles: roles)
        var state = AppState.settled(analysis: Analysis(dataset: dataset), width: 80, height: 24)
        _ = send(&state, [.enter, .character("$")])
        #expect(try detail(state).cursor == OutputCursor.limit - 1)
        _ = send(&state, [.character("v"), .character("B")])
        #expect(try detail(state).selection == TextSpan(start: OutputCursor.limit - 5, end: OutputCursor.limit))
        _ = send(&state, [.escape, .tab])
        #expect(try detail(state).focusedSystem(state) == "B")
        var buffer = ScreenBuffer(width: 80, height: 24)
        render(state, into: &buffer)
        #expect(DetailLayout(state: state, detail: try detail(state), width: 76).lines.count == DetailLayout.maximumLines)
    }
}
