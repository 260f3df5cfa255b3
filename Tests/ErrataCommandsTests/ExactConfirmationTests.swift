import Attribution
import ErrataCore
import Testing
@testable import ErrataCommands

@Suite struct ExactConfirmationTests {
    static let long = ExactCost(players: 17, evaluations: 131_072, seconds: 700)

    @Test func withoutATerminalALongRunIsRefusedWithItsEstimate() {
        let error = #expect(throws: AnalysisError.self) {
            try ExactConfirmation.confirm(Self.long, interactive: false) { Issue.record("asked without a terminal"); return "y" }
        }
        #expect(error?.description == "exact Shapley values for 17 players need 131,072 model evaluations, about 11 min 40 s on this machine; "
                + "pass --yes to run them, or use --method shap (sampled, with standard errors)")
    }

    @Test func onATerminalOnlyYesGoesOn() throws {
        try ExactConfirmation.confirm(Self.long, interactive: true) { "y" }
        try ExactConfirmation.confirm(Self.long, interactive: true) { " YES " }
        for answer in ["n", "", "no thanks", nil] as [String?] {
            let error = #expect(throws: AnalysisError.self) { try ExactConfirmation.confirm(Self.long, interactive: true) { answer } }
            #expect(error?.description.hasPrefix("stopped before exact Shapley values for 17 players") == true)
        }
    }

    /// Fourteen players, or more that run in seconds (the bag-of-words model), go on unasked.
    @Test func shortRunsAreNotAskedAbout() throws {
        for cost in [ExactCost(players: 14, evaluations: 16_384, seconds: 600), ExactCost(players: 16, evaluations: 65_536, seconds: 0.05)] {
            try ExactConfirmation.confirm(cost, interactive: false) { Issue.record("asked"); return nil }
        }
    }

    @Test func evaluationCountsAreGroupedByThousands() {
        #expect(ExactConfirmation.grouped(0) == "0")
        #expect(ExactConfirmation.grouped(999) == "999")
        #expect(ExactConfirmation.grouped(1_000) == "1,000")
        #expect(ExactConfirmation.grouped(131_072) == "131,072")
        #expect(ExactConfirmation.grouped(1_048_576) == "1,048,576")
    }
}
