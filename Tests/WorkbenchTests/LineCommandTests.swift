import ErrataCore
import ErrataTestSupport
import Foundation
import TerminalUI
import Testing
@testable import Workbench

/// The `:` commands as one table: dispatch, completion, errors and the user guide agree.
@Suite struct LineCommandTests {
    let analysis: Analysis

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
    }

    func typing(_ state: inout AppState, _ text: String) {
        for c in text { step(&state, .event(.key(.character(c)))) }
    }

    @Test func everyNameAndAliasIsUnique() {
        let names = LineCommand.all.flatMap { [$0.name] + $0.aliases }
        #expect(Set(names).count == names.count)
    }

    @Test func theUserGuideShowsTheTable() throws {
        let guide = try String(contentsOf: Fixtures.bundledDatasets.deletingLastPathComponent().appendingPathComponent("docs/user-guide.md"), encoding: .utf8)
        #expect(guide.contains(LineCommand.markdownTable), "docs/user-guide.md must hold this table:\n\(LineCommand.markdownTable)")
    }

    @Test func tabCompletesAUniqueNameAndListsSeveral() {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        step(&s, .event(.key(.character(":"))))
        typing(&s, "sam")
        step(&s, .event(.key(.tab)))
        #expect(s.input?.text == "sample ")
        s.input?.text = "s"
        step(&s, .event(.key(.tab)))
        // slice, save, sort, systems, sample: the common prefix is "s" and the names are listed.
        #expect(s.input?.text == "s" && s.message?.text == ":slice  :save  :sort  :systems  :sample")
        s.input?.text = "ta"
        step(&s, .event(.key(.tab)))
        #expect(s.input?.text == "tallies ")
    }

    @Test func anUnknownCommandSuggestsTheNearest() {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        step(&s, .event(.key(.character(":"))))
        typing(&s, "slic x")
        step(&s, .event(.key(.enter)))
        #expect(s.message?.isError == true)
        #expect(s.message?.text.hasPrefix("unknown command ':slic'; did you mean :slice? (commands: slice, clear, save,") == true)
    }

    @Test func aliasesRunTheirCommandAndUsageComesFromTheTable() {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        step(&s, .event(.key(.character(":"))))
        typing(&s, "where correct(bert)")
        step(&s, .event(.key(.enter)))
        #expect(s.filter == "correct(bert)")
        step(&s, .event(.key(.character(":"))))
        typing(&s, "sample")
        step(&s, .event(.key(.enter)))
        #expect(s.message == .init(text: "usage: :sample N [by COLUMN] [seed S] [as NAME]", isError: true))
    }
}
