import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// `update` as a pure function: messages in, state changes and effects out.
@Suite struct UpdateTests {
    let analysis: Analysis

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
    }

    func state(width: Int = 120, height: Int = 40) -> AppState {
        AppState.settled(analysis: analysis, width: width, height: height)
    }

    func send(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { step(&state, .event(.key($0))) }
    }

    func type(_ state: inout AppState, _ text: String) -> [Effect] {
        send(&state, text.map { Key.character($0) } + [.enter])
    }

    @Test func keymapCoversEveryCommandOnce() {
        let keymap = Keymap.standard
        for command in Command.allCases {
            #expect(!keymap.labels(for: command).isEmpty, "\(command) has no key")
        }
        let keys = keymap.bindings.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test func initialStateShowsEverythingWithGroupings() {
        let s = state()
        #expect(s.rows == Array(0 ..< 10))
        #expect(s.systems == ["bert", "lr"] && s.metric == "accuracy")
        // Ten instances are fewer than discovery's minimum support of 30: no slice to suggest.
        #expect(s.sidebar.map(\.label) == ["All instances", "genre: 3 slices", "drama", "comedy", "horror", "suggested for bert: none found"])
        #expect(s.sidebar.map(\.count) == [10, 0, 4, 3, 3, 0])
        #expect(s.sidebar[2].value == 1.0)
    }

    @Test func movingClampsToTheRows() {
        var s = state()
        _ = send(&s, [.down, .down, .character("j")])
        #expect(s.tableCursor == 3)
        _ = send(&s, [.character("G")])
        #expect(s.tableCursor == 9)
        _ = send(&s, [.down, .pageDown])
        #expect(s.tableCursor == 9)
        _ = send(&s, [.home, .up])
        #expect(s.tableCursor == 0)
    }

    @Test func sidebarSelectionFiltersTheTable() {
        var s = state()
        _ = send(&s, [.tab, .down])
        #expect(s.focus == .sidebar && s.sidebarCursor == 2)  // the header is stepped over
        _ = send(&s, [.enter])
        #expect(s.filter == #"genre == "drama""#)
        #expect(s.rows == [1, 5, 6, 8])
        _ = send(&s, [.escape])
        #expect(s.filter == nil && s.rows.count == 10)
    }

    @Test func narrowingCombinesSlices() {
        var s = state()
        _ = send(&s, [.character(":")])
        _ = type(&s, "slice correct(bert)")
        _ = send(&s, [.tab, .down, .character("+")])
        #expect(s.filter == #"correct(bert) and genre == "drama""#)
        #expect(s.rows == [1, 5, 6, 8])
        _ = send(&s, [.down, .character("+")])
        #expect(s.filter == #"correct(bert) and genre == "drama" and genre == "comedy""#)
        #expect(s.rows.isEmpty)
    }

    @Test func commandLineSlicesAndReportsErrorsInPlace() {
        var s = state()
        _ = send(&s, [.character(":")])
        #expect(s.input?.kind == .command)
        _ = type(&s, #"slice genre == "horror" and length(input) > 20"#)
        #expect(s.input == nil)
        #expect(s.rows == [2, 3, 7])
        #expect(s.message == .init(text: #"3 of 10 instances: genre == "horror" and length(input) > 20"#, isError: false))
        _ = send(&s, [.character(":")])
        _ = type(&s, "slice lenght(input) > 2")
        #expect(s.message?.isError == true)
        #expect(s.message?.text.hasPrefix("column 1: unknown function 'lenght'; did you mean 'length'?") == true)
        #expect(s.rows == [2, 3, 7])
        _ = send(&s, [.character(":"), .up])
        #expect(s.input?.text == "slice lenght(input) > 2")
        _ = send(&s, [.up])
        #expect(s.input?.text == #"slice genre == "horror" and length(input) > 20"#)
    }

    @Test func commandLineEditsAtTheCursor() {
        var s = state()
        _ = send(&s, [.character(":")] + "junk".map { Key.character($0) } + [.control("u")])
        _ = send(&s, #"lice genre == "horror" and length(input) > 20"#.map { Key.character($0) } + [.home])
        #expect(s.input?.field.cursor == 0)
        _ = type(&s, "s")
        #expect(s.rows == [2, 3, 7])
        #expect(s.history == [#"slice genre == "horror" and length(input) > 20"#])
        // Backspace on an empty line closes it, as before.
        _ = send(&s, [.character("/"), .backspace])
        #expect(s.input == nil)
    }

    @Test func mouseSelectsAndScrolls() {
        var s = state()
        // Row 5 of the table: the table box starts at y 1, its header at y 2, rows from y 3.
        _ = step(&s, .event(.mouse(MouseEvent(x: 60, y: 7, kind: .press(.left)))))
        #expect(s.focus == .table && s.tableCursor == 4)
        _ = step(&s, .event(.mouse(MouseEvent(x: 60, y: 7, kind: .wheelDown))))
        #expect(s.tableCursor == 7)
        // The sidebar's third line is the "drama" slice: a click filters by it.
        _ = step(&s, .event(.mouse(MouseEvent(x: 3, y: 4, kind: .press(.left)))))
        #expect(s.focus == .sidebar && s.filter == #"genre == "drama""#)
    }

    @Test func jumpToARow() {
        var s = state(height: 12)
        _ = send(&s, [.character(":")])
        _ = type(&s, "9")
        #expect(s.tableCursor == 8 && s.tableTop == 2)
        _ = send(&s, [.character(":")])
        _ = type(&s, "11")
        #expect(s.message?.text == "no row 11: the table has 10" && s.tableCursor == 8)
    }

    @Test func saveAndSortAreJobs() {
        var s = state()
        _ = send(&s, [.character(":")])
        #expect(type(&s, "save nothing").isEmpty)
        #expect(s.message?.isError == true)
        _ = send(&s, [.character(":")])
        _ = type(&s, "slice correct(bert)")
        _ = send(&s, [.character(":")] + "save bert-right".map { Key.character($0) })
        let save = update(&s, .event(.key(.enter)))
        guard case .run(let id, .saveSlice(name: "bert-right", filter: "correct(bert)"))? = save.first, save.count == 1 else {
            Issue.record("no save job: \(save)")
            return
        }
        #expect(s.jobs.map(\.id) == [id] && s.jobs[0].label == "saving slice bert-right…")
        _ = send(&s, [.character(":")] + "sort delta".map { Key.character($0) })
        let sort = update(&s, .event(.key(.enter)))
        #expect(sort == [.run(id + 1, .sort(rows: s.rows, by: .init(column: .difference("bert", "lr"), descending: true), metric: "accuracy"))])
        // Esc cancels the newest job; the status bar listed both.
        #expect(update(&s, .event(.key(.escape))) == [.cancel([id + 1])])
        #expect(s.jobs.map(\.id) == [id] && s.message?.text == "cancelled: sorting \(s.rows.count) rows…")
    }

    @Test func sortingByTheDifferenceBetweenSystems() throws {
        var s = state()
        _ = send(&s, [.character(":")])
        _ = type(&s, "sort delta")
        // lr right and bert wrong first (+1), then ties in row order, bert right and lr wrong last (-1).
        #expect(s.rows == [4, 7, 0, 3, 1, 2, 5, 6, 8, 9])
        #expect(s.sort == .init(column: .difference("bert", "lr"), descending: true))
        #expect(s.jobs.isEmpty)
    }

    @Test func aJobsResultArrivesLaterAndStaleResultsAreDropped() {
        var s = state()
        let first = update(&s, .event(.key(.character("m"))))
        guard case .run(let id, let work)? = first.first else { Issue.record("no job: \(first)"); return }
        #expect(s.metric == "accuracy" && s.jobs.map(\.label) == ["computing macro_f1…"])
        // Progress updates the job; the frame shows the old metric until the result is in.
        _ = update(&s, .progress(id, .fraction(0.5)))
        #expect(s.jobs.first?.progress == 0.5 && s.metric == "accuracy")
        var buffer = ScreenBuffer(width: s.width, height: s.height)
        render(s, into: &buffer)
        #expect(buffer.snapshot().contains("computing macro_f1… 50% (Esc cancels)"))
        // A second m supersedes the first: its result, arriving late, is dropped.
        let second = update(&s, .event(.key(.character("m"))))
        #expect(second.first == .cancel([id]))
        _ = update(&s, .finished(id, EffectRunner.result(of: work, analysis: analysis)))
        #expect(s.metric == "accuracy")
        guard case .run(let newer, let newerWork)? = second.last else { Issue.record("no second job"); return }
        _ = update(&s, .finished(newer, EffectRunner.result(of: newerWork, analysis: analysis)))
        #expect(s.metric == "macro_f1" && s.jobs.isEmpty && s.message?.text == "metric: macro_f1")
        // A cancelled job's result is dropped too.
        let third = update(&s, .event(.key(.character(":"))))
        #expect(third.isEmpty)
        _ = send(&s, "slice genre == \"horror\"".map { Key.character($0) })
        guard case .run(let filterID, let filterWork)? = update(&s, .event(.key(.enter))).first else { Issue.record("no filter job"); return }
        #expect(update(&s, .event(.key(.escape))) == [.cancel([filterID])])
        _ = update(&s, .finished(filterID, EffectRunner.result(of: filterWork, analysis: analysis)))
        #expect(s.filter == nil && s.rows.count == 10)
    }

    @Test func aFailedJobReportsAndChangesNothing() {
        var s = state()
        _ = send(&s, [.character(":")])
        _ = type(&s, "by nosuch")
        #expect(s.message?.isError == true && s.message?.text.contains("nosuch") == true)
        #expect(s.groupings == ["genre"] && s.jobs.isEmpty)
        _ = send(&s, [.character(":")])
        _ = type(&s, "by correct(bert)")
        #expect(s.groupings == ["genre", "correct(bert)"] && s.message?.text == "2 slices by correct(bert)")
    }

    @Test func searchMovesBetweenMatches() {
        var s = state()
        _ = send(&s, [.character("/")])
        _ = type(&s, "HORROR")
        #expect(s.matches == [2])
        #expect(s.tableCursor == 2)
        _ = send(&s, [.character("/")])
        _ = type(&s, "forgettable")
        // Searches from the cursor, wrapping: the only match is the last row.
        #expect(s.matches == [9] && s.tableCursor == 9)
        _ = send(&s, [.home, .character("/")])
        _ = type(&s, "pos")
        #expect(s.matches == [0, 1, 2, 4, 5, 6, 7, 8, 9])
        #expect(s.tableCursor == 0)
        _ = send(&s, [.character("N")])
        #expect(s.tableCursor == 9)
        _ = send(&s, [.character("n"), .character("n"), .character("n")])
        #expect(s.tableCursor == 2)
        #expect(s.message?.text == "match 3 of 9 for 'pos'")
    }

    @Test func overlaysResizeMetricAndQuit() {
        var s = state()
        _ = send(&s, [.character("?")])
        #expect(s.overlay == .help(.browse, back: nil))
        _ = send(&s, [.character("x")])
        #expect(s.overlay == nil)
        _ = send(&s, [.down, .enter])
        #expect(s.overlay == .detail(DetailState(row: 1)))
        _ = send(&s, [.character("j")])
        #expect(s.overlay == .detail(DetailState(row: 2)) && s.tableCursor == 2)
        _ = send(&s, [.escape])
        #expect(s.overlay == nil)
        _ = step(&s, .event(.resize(width: 50, height: 12)))
        #expect(s.width == 50 && s.tablePageSize == 7)
        _ = send(&s, [.character("m")])
        #expect(s.metric == "macro_f1")
        let compare = update(&s, .event(.key(.character("c"))))
        #expect(compare.count == 1 && s.overlay == .compare(CompareState(page: .slices)) && s.job(.compare) != nil)
        #expect(send(&s, [.character("q")]) == [.quit])
    }

    @Test func compareResultsAreShownUnlessCancelled() throws {
        var s = state()
        let effects = update(&s, .event(.key(.character("c"))))
        guard case .run(let id, let work)? = effects.first else { Issue.record("no compare job"); return }
        let result = EffectRunner.result(of: work, analysis: analysis)
        _ = update(&s, .finished(id, result))
        func compare() -> CompareState? { if case .compare(let view)? = s.overlay { view } else { nil } }
        let rows = try #require(compare()?.comparison?.rows)
        #expect(rows.map(\.slice) == ["All instances", "genre = drama", "genre = comedy", "genre = horror"])
        #expect(rows[0].test == .mcnemarExact)
        _ = send(&s, [.character("j"), .character("j")])
        #expect(compare()?.top == 2)
        _ = send(&s, [.character("G")])
        #expect(compare()?.top == 3)
        _ = send(&s, [.escape])
        guard case .run(let again, _)? = update(&s, .event(.key(.character("c")))).first else { Issue.record("no second job"); return }
        // Closing the overlay cancels its job.
        #expect(update(&s, .event(.key(.escape))) == [.cancel([again])])
        _ = update(&s, .finished(again, result))
        #expect(s.overlay == nil)
    }
}
