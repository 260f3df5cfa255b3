import ErrataCore
import ErrataTestSupport
import Foundation
import TerminalUI
import Testing
@testable import Workbench

/// Many systems in the workbench: the picker, the remembered choice, sideways scrolling with
/// frozen columns, sorting by a difference, ranking, and `:open`. Each test that chooses
/// systems works on its own copy of the WMT17 demo: the choice is written beside it.
@Suite struct ManySystemsTests {
    static func freshWMT() throws -> (TemporaryDirectory, Analysis) {
        let (folder, path) = try Fixtures.demoCopy()
        return (folder, Analysis(dataset: try DatasetLoader.load(path)))
    }

    static let wmt = Result { try freshWMT() }

    func send(_ state: inout AppState, _ keys: [Key]) {
        for key in keys { step(&state, .event(.key(key))) }
    }

    func command(_ state: inout AppState, _ text: String) -> [Effect] {
        send(&state, [.character(":")] + text.map { Key.character($0) })
        return step(&state, .event(.key(.enter)))
    }

    @Test func thePickerChoosesAndOrdersSystemsAndTheChoiceIsRemembered() throws {
        let (folder, analysis) = try Self.freshWMT()
        defer { folder.remove() }
        let all = analysis.dataset.systems.map(\.name)
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        #expect(s.systems == Array(all.prefix(2)))
        send(&s, [.character("p")])
        guard case .systems(let opened)? = s.overlay else { Issue.record("no picker"); return }
        #expect(opened.items == all && opened.choice == Array(all.prefix(2)))
        // The third system: shown, then moved before the second.
        send(&s, [.character("j"), .character("j"), .character(" "), .character("K")])
        guard case .systems(let picked)? = s.overlay else { Issue.record("the picker closed"); return }
        #expect(picked.cursor == 1 && picked.choice == [all[0], all[2], all[1]])
        // Enter asks for the values and for the choice to be written: two jobs, no file touched by update.
        let effects = update(&s, .event(.key(.enter)))
        let works = effects.compactMap { effect -> JobWork? in if case .run(_, let work) = effect { work } else { nil } }
        #expect(works.count == 2 && works.last == .saveSystemChoice([all[0], all[2], all[1]]))
        #expect(!FileManager.default.fileExists(atPath: SystemChoice.path(for: analysis.dataset)))
        settle(&s, effects)
        #expect(s.overlay == nil && s.systems == [all[0], all[2], all[1]])
        #expect(try SystemChoice.load(for: analysis.dataset) == [all[0], all[2], all[1]])
        // Opened again, the dataset shows the same systems.
        let reopened = AppState.settled(analysis: analysis, width: 120, height: 40)
        #expect(reopened.systems == [all[0], all[2], all[1]])
    }

    /// Pure: the remembered choice arrives as a job's result; another baseline restarts the
    /// search for the sidebar's suggestions, the same baseline does not.
    @Test func aRememberedChoiceWithAnotherBaselineSearchesItsSuggestions() throws {
        let analysis = try Self.wmt.get().1
        var s = AppState(analysis: analysis, width: 120, height: 40)
        let start = s.startEffects()
        let id = try #require(start.compactMap { effect -> Int? in if case .run(let id, .loadSystemChoice) = effect { id } else { nil } }.first)
        let effects = update(&s, .finished(id, .systemChoice(["KIT", "xmu"])))
        let works = effects.compactMap { effect -> JobWork? in if case .run(_, let work) = effect { work } else { nil } }
        #expect(works.contains(.discover(DiscoveryRequest(system: "KIT"))))
        #expect(works.contains { if case .sidebar(let request) = $0 { request.systems == ["KIT", "xmu"] } else { false } })
        var same = AppState(analysis: analysis, width: 120, height: 40)
        let again = same.startEffects()
        let second = try #require(again.compactMap { effect -> Int? in if case .run(let id, .loadSystemChoice) = effect { id } else { nil } }.first)
        let kept = update(&same, .finished(second, .systemChoice([same.systems[0], "xmu"])))
        #expect(!kept.contains { if case .run(_, .discover) = $0 { true } else { false } })
        #expect(kept.contains { if case .run(_, .sidebar) = $0 { true } else { false } })
        var none = AppState(analysis: analysis, width: 120, height: 40)
        let third = try #require(none.startEffects().compactMap { effect -> Int? in if case .run(let id, .loadSystemChoice) = effect { id } else { nil } }.first)
        #expect(update(&none, .finished(third, .systemChoice(nil))).isEmpty && none.systems == Array(analysis.dataset.systems.prefix(2).map(\.name)))
    }

    @Test func thePickerNeedsOneSystemAndEscapeKeepsTheChoice() throws {
        var s = AppState.settled(analysis: try Self.wmt.get().1, width: 80, height: 24)
        let before = s.systems
        // `a` chooses all, again only the first; Space on it leaves none.
        send(&s, [.character("p"), .character("a")])
        guard case .systems(let all)? = s.overlay else { Issue.record("no picker"); return }
        #expect(all.chosen.count == 16)
        send(&s, [.character("a"), .character(" ")])
        let effects = update(&s, .event(.key(.enter)))
        guard case .systems(let none)? = s.overlay else { Issue.record("the picker closed"); return }
        #expect(effects.isEmpty && none.chosen.isEmpty && none.error == "choose at least one system (Space)")
        send(&s, [.escape])
        #expect(s.overlay == nil && s.systems == before)
    }

    @Test func theTableScrollsSidewaysAndKeepsTheIdColumn() throws {
        let (folder, analysis) = try Self.freshWMT()
        defer { folder.remove() }
        var s = AppState.settled(analysis: analysis, width: 80, height: 24)
        _ = command(&s, "systems online-B,uedin-nmt,KIT,xmu")
        // reference, 4 outputs, 4 scores, the difference.
        #expect(TableColumn.scrollable(for: s).count == 10 && TableColumn.frozen(for: s) == [.id])
        send(&s, [.character("L"), .character(">"), .character("L")])
        #expect(s.tableColumnLeft == 3)
        send(&s, Array(repeating: .character("L"), count: 20))
        #expect(s.tableColumnLeft == 9)
        send(&s, [.character("H"), .character("<")])
        #expect(s.tableColumnLeft == 7)
        var buffer = ScreenBuffer(width: 80, height: 24)
        render(s, into: &buffer)
        let header = (0 ..< 80).map { buffer[$0, 2].text }.joined()
        #expect(header.contains("id") && header.contains("chrf(xmu)") && !header.contains("online-B "))
        // Choosing systems again starts from the left.
        _ = command(&s, "systems KIT")
        #expect(s.tableColumnLeft == 0)
    }

    @Test func dSortsByEachSystemMinusTheBaselineInTurn() throws {
        let (folder, analysis) = try Self.freshWMT()
        defer { folder.remove() }
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        _ = command(&s, "systems online-B,uedin-nmt,KIT")
        send(&s, [.character("d")])
        #expect(s.sort == .init(column: .difference("online-B", "uedin-nmt"), descending: true))
        let b = try analysis.instanceScores(metric: "chrf", system: "online-B")
        let u = try analysis.instanceScores(metric: "chrf", system: "uedin-nmt")
        let differences = s.rows.map { u[$0] - b[$0] }
        #expect(differences == differences.sorted(by: >))
        send(&s, [.character("d")])
        #expect(s.sort?.column == .difference("online-B", "KIT"))
        #expect(TableColumn.scrollable(for: s).last == .difference("online-B", "KIT"))
        send(&s, [.character("d")])
        #expect(s.sort?.column == .difference("online-B", "uedin-nmt"))
    }

    @Test func sortDeltaTakesAnyTwoSystems() throws {
        var s = AppState.settled(analysis: try Self.wmt.get().1, width: 120, height: 40)
        _ = command(&s, "sort delta xmu KIT asc")
        #expect(s.sort == .init(column: .difference("xmu", "KIT"), descending: false))
        let x = try s.analysis.instanceScores(metric: "chrf", system: "xmu")
        let k = try s.analysis.instanceScores(metric: "chrf", system: "KIT")
        let differences = s.rows.map { k[$0] - x[$0] }
        #expect(differences == differences.sorted())
        _ = command(&s, "sort delta xmu nobody")
        #expect(s.message?.isError == true && s.message?.text.hasPrefix("unknown system 'nobody'") == true)
        _ = command(&s, "sort delta xmu KIT sideways")
        #expect(s.message?.text == "usage: :sort COLUMN [asc|desc]")
    }

    @Test func openLeavesTheDatasetForTheRunLoop() throws {
        var s = AppState.settled(analysis: try Self.wmt.get().1, width: 80, height: 24)
        #expect(command(&s, "open rotten-tomatoes") == [.open("rotten-tomatoes")])
        #expect(command(&s, "open /data/my ratings.tsv") == [.open("/data/my ratings.tsv")])
        #expect(command(&s, "open") == [.open(nil)])
    }

    @Test func rankingOpensInTheCompareViewAndTabSwitchesPages() throws {
        var s = AppState.settled(analysis: Analysis(dataset: try Fixtures.reviewsDataset()), width: 120, height: 40)
        send(&s, [.character("R")])
        func compare() -> CompareState? { if case .compare(let view)? = s.overlay { view } else { nil } }
        #expect(compare()?.page == .ranking)
        let ranking = try #require(compare()?.ranking)
        // bert right on 8 of 10, lr on 4: McNemar's exact test on 6 against 2 gives p = 0.2891.
        #expect(ranking.entries.map(\.system) == ["bert", "lr"] && ranking.entries.map(\.cluster) == [1, 1])
        #expect(ranking.pairs.map(\.pValue) == [74.0 / 256] && ranking.pairs.map(\.test) == [.mcnemarExact])
        #expect(compare()?.comparison == nil)
        send(&s, [.tab])
        #expect(compare()?.page == .slices && compare()?.comparison != nil)
        send(&s, [.tab])
        #expect(compare()?.page == .ranking && compare()?.ranking != nil && s.jobs.isEmpty)
        // ? shows the report keys over it, and any key goes back to the same page.
        let shown = try #require(compare())
        send(&s, [.character("?")])
        #expect(s.overlay == .help(.report, back: .compare(shown)))
        send(&s, [.character("x")])
        #expect(s.overlay == .compare(shown))
        send(&s, [.escape])
        #expect(s.overlay == nil)
    }
}
