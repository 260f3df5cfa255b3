import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// Slice discovery in the workbench: suggestions in the sidebar after the dataset opens,
/// `:discover` for another system or a pair, selecting and saving a suggestion.
@Suite struct DiscoveryInTheSidebarTests {
    @Test func suggestionsFillTheSidebarAndSaveAsNamedSlices() throws {
        let (folder, path) = try Fixtures.demoCopy("rotten-tomatoes", files: ["errata.json", "test.jsonl", "predictions.jsonl"])
        defer { folder.remove() }
        let analysis = Analysis(dataset: try DatasetLoader.load(path))
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        let report = try analysis.discover(DiscoveryRequest(system: "minilm"))
        let suggested = s.sidebar.filter(\.suggested)
        #expect(suggested.first?.label == "suggested for minilm (\(report.correction))")
        #expect(suggested.dropFirst().map(\.filter) == report.rows.map(\.expression))
        #expect(suggested.dropFirst().map(\.count) == report.rows.map(\.size) && !report.rows.isEmpty)
        // A metric switch rebuilds the sidebar and keeps the suggestions.
        step(&s, .event(.key(.character("m"))))
        #expect(s.sidebar.filter(\.suggested) == suggested)
        // :discover for a pair replaces them.
        step(&s, .event(.key(.character(":"))))
        for c in "discover bow versus minilm" { step(&s, .event(.key(.character(c)))) }
        step(&s, .event(.key(.enter)))
        #expect(s.sidebar.filter(\.suggested).first?.label.hasPrefix("suggested for bow against minilm") == true)
        step(&s, .event(.key(.character(":"))))
        for c in "discover minilm" { step(&s, .event(.key(.character(c)))) }
        step(&s, .event(.key(.enter)))
        // Selecting a suggestion filters by its expression; S saves it by its name.
        let index = try #require(s.sidebar.firstIndex { $0.kind == .suggestion })
        s.focus = .sidebar
        s.sidebarCursor = index
        let chosen = s.sidebar[index]
        step(&s, .event(.key(.enter)))
        #expect(s.filter == chosen.filter)
        step(&s, .event(.key(.character("S"))))
        let saved = try SavedSlices.load(for: analysis.dataset).slices
        #expect(saved.map(\.filter) == [chosen.filter])
        #expect(saved.first.map { chosen.label.hasPrefix($0.name) } == true)
        // The saved slice joins the sidebar above the suggestions.
        #expect(s.sidebar.contains { $0.kind == .saved && $0.filter == chosen.filter })
    }

    @Test func theSearchReportsHowFarItIs() throws {
        let analysis = Analysis(dataset: try DatasetLoader.load(Fixtures.bundledDatasets.appendingPathComponent("rotten-tomatoes").path))
        let steps = Collector<JobProgress>()
        _ = EffectRunner.result(of: .discover(DiscoveryRequest(system: "minilm")), analysis: analysis, progress: { steps.append($0) })
        let fractions = steps.items.compactMap { step -> Double? in if case .fraction(let f) = step { f } else { nil } }
        #expect(!fractions.isEmpty && fractions.allSatisfy { (0 ... 1).contains($0) })
        // The last level's candidates are counted from worker threads, in any order; the
        // search reaches its last level.
        #expect((fractions.max() ?? 0) > 0.5)
    }

    @Test func sTellsWhatItSavesOutsideTheSuggestions() {
        var s = AppState(analysis: Analysis(dataset: try! Fixtures.reviewsDataset()), width: 120, height: 40)
        step(&s, .event(.key(.character("S"))))
        #expect(s.message == .init(text: "S saves a suggested slice: move to one in the sidebar first", isError: true))
    }
}
