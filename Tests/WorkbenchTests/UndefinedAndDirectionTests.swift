import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// The workbench shows "—" for undefined values and follows a metric's direction.
@Suite struct UndefinedAndDirectionTests {
    /// Types `:text` and Enter, and runs the jobs it starts.
    func send(_ state: inout AppState, _ text: String) {
        for key in [Key.character(":")] + text.map({ Key.character($0) }) + [.enter] { step(&state, .event(.key(key))) }
    }

    @Test func undefinedValuesAreDashesNeverZero() throws {
        #expect(formatMetric(nil) == "—" && formatMetric(.nan) == "—" && formatMetric(0) == "0.000")
        var state = AppState.settled(analysis: Analysis(dataset: try Fixtures.reviewsDataset()), width: 120, height: 40)
        send(&state, #"slice genre == "western""#)
        step(&state, .event(.key(.character("c"))))
        var buffer = ScreenBuffer(width: 120, height: 40)
        render(state, into: &buffer)
        let lines = buffer.snapshot().split(separator: "\n")
        let baseline = try #require(lines.first { $0.contains(#"genre == "western""#) && $0.contains("bert") })
        let system = try #require(lines.first { $0.contains("│") && $0.contains(" lr ") })
        #expect(baseline.contains("—") && !baseline.contains("0.000"), "\(baseline)")
        #expect(system.components(separatedBy: "—").count - 1 == 4 && !system.contains("0.000"), "\(system)")
    }

    @Test func sortingStartsFromTheBestEndOfTheMetric() throws {
        let analysis = Analysis(dataset: try DatasetLoader.load(Fixtures.bundledDatasets.appendingPathComponent("wmt17-en-de").path))
        var state = AppState.settled(analysis: analysis, width: 120, height: 40)
        let column = TableColumn.score(state.systems[0])
        // chrF: best (highest) first; TER: best (lowest) first.
        send(&state, "sort \(column.sortName)")
        #expect(state.sort == .init(column: column, descending: true))
        send(&state, "metric ter")
        send(&state, "sort \(column.sortName)")
        #expect(state.sort == .init(column: column, descending: false))
    }
}
