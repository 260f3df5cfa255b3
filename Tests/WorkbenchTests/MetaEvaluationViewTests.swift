import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// `:metaeval` in the workbench: the same correlations as `errata metaeval`, on the table's
/// filter and the sidebar's groupings, undefined values as "—".
@Suite struct MetaEvaluationViewTests {
    static let analysis = Result { Analysis(dataset: try DatasetLoader.load(Fixtures.bundledDatasets.appendingPathComponent("mqm-ted-en-de").path)) }

    func send(_ state: inout AppState, _ text: String) {
        for key in [Key.character(":")] + text.map({ Key.character($0) }) + [.enter] { step(&state, .event(.key(key))) }
    }

    @Test func theTedRatingsAgainstChrFAndTER() throws {
        var state = AppState.settled(analysis: try Self.analysis.get(), width: 120, height: 40)
        send(&state, "metaeval chrf,ter")
        guard case .metaEvaluation(let view)? = state.overlay, let result = view.result else { Issue.record("no view: \(String(describing: state.overlay))"); return }
        #expect(view.request.human == "mqm" && view.request.metrics == ["chrf", "ter"])
        // The 13 systems but the reference; 529 segments each, where both scores exist.
        #expect(result.systems.count == 13 && !result.systems.contains("ref"))
        let chrf = try #require(result.rows.first { $0.slice == NamedSlice.allName && $0.metric == "chrf" && $0.level == .system })
        #expect(chrf.count == 13 && abs(chrf.pearson! - 0.5623) < 5e-5 && abs(chrf.kendall! - 0.3590) < 5e-5)
        let ter = try #require(result.rows.first { $0.slice == NamedSlice.allName && $0.metric == "ter" && $0.level == .segment })
        #expect(abs(ter.pearson! - 0.1106) < 5e-5 && abs(ter.kendallByItem! - 0.0790) < 5e-5)
        var buffer = ScreenBuffer(width: 120, height: 40)
        render(state, into: &buffer)
        #expect(buffer.snapshot().contains("All instances  chrf    system     13   0.5623   0.3590        —"))
        // Esc closes it; the table is as before.
        step(&state, .event(.key(.escape)))
        #expect(state.overlay == nil)
    }

    @Test func aDatasetWithoutAHumanScoreSaysSo() throws {
        var state = AppState.settled(analysis: Analysis(dataset: try Fixtures.reviewsDataset()), width: 120, height: 40)
        send(&state, "metaeval")
        #expect(state.overlay == nil && state.message == .init(text: "metaeval needs a human score such as MQM's mqm: this dataset has none", isError: true))
        var mqm = AppState.settled(analysis: try Self.analysis.get(), width: 120, height: 40)
        send(&mqm, "metaeval mqm")
        #expect(mqm.message?.text.hasPrefix("'mqm' is not an automatic metric here (metrics: ") == true)
    }
}
