import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// Golden screens of the explanation, attention and what-if views, in colour and without,
/// from canned explanations (the screens must not depend on a model).
@Suite struct ExplainScreenTests {
    static let sizes = [(80, 24), (120, 40)]
    /// Wide characters, a combining mark and a token within 2 SE of zero ("e\u{301}té").
    static let wideText = "静かな 映画 but e\u{301}té was sad and très beautiful"
    static let wide = wordExplanation(wideText, scores: [0.31, -0.12, 0.02, 0.08, -0.27, 0.05, 0.4, 0.15], se: [0.02, 0.03, 0.05, 0.01])

    static var explain: ExplainState {
        var state = ExplainState(row: 0, instance: "1", text: wideText, request: ExplanationRequest(system: "bert", text: wideText, method: .permutation))
        state.panes[0].explanation = wide
        state.cursor = 2
        return state
    }

    static var sideBySide: ExplainState {
        var state = explain
        var second = ExplainPane(request: ExplanationRequest(system: "bert", text: wideText, method: .ig))
        second.explanation = wordExplanation(wideText, method: "ig", scores: [0.25, -0.1, 0.0, 0.12, -0.3, 0.01, 0.35, 0.2])
        state.panes.append(second)
        state.panes[0].faithfulness = FaithfulnessScores(percentages: [20, 50], tokenCounts: [2, 4], comprehensiveness: [0.41, 0.62],
                                                         sufficiency: [0.08, 0.02], probability: 0.8)
        return state
    }

    static var attention: AttentionState {
        var state = AttentionState(system: "bert", text: CannedExplainer.sentence, back: nil)
        state.grids = CannedExplainer.attention
        state.layer = 1
        state.mode = .head
        state.query = 1
        state.key = 3
        return state
    }

    static var whatIf: WhatIfState {
        var state = WhatIfState(instance: "1", system: "bert", original: "A joy from start to finish")
        state.before = Prediction(label: "pos", probabilities: [0.2, 0.8])
        state.after = Prediction(label: "neg", probabilities: [0.9, 0.1])
        for _ in 0 ..< 21 { _ = state.field.handle(.left) }
        for _ in 0 ..< 3 { _ = state.field.handle(.backspace) }
        for c in "bore" { _ = state.field.handle(.character(c)) }
        state.afterText = state.field.text
        return state
    }

    static var overlays: [AppState.Overlay] {
        var multiples = attention
        multiples.mode = .multiples
        return [.explain(explain), .explain(sideBySide), .attention(attention), .attention(multiples), .whatIf(whatIf),
                .help(.explain, back: nil), .help(.attention, back: nil)]
    }

    func screen(_ overlay: AppState.Overlay, width: Int, height: Int, colors: Int = 256) throws -> ScreenBuffer {
        var state = AppState.settled(analysis: try ScreenTests.reviews.get(), width: width, height: height)
        state.explainable = ["bert": ExplainableSystem(classes: ["neg", "pos"], gradients: true)]
        state.colors = colors
        state.overlay = overlay
        var buffer = ScreenBuffer(width: width, height: height)
        render(state, into: &buffer)
        return buffer
    }

    @Test(arguments: sizes) func heat(width: Int, height: Int) throws {
        assertSnapshot(try screen(.explain(Self.explain), width: width, height: height), named: "explain-heat-\(width)x\(height)")
        assertSnapshot(try screen(.explain(Self.explain), width: width, height: height, colors: 0), named: "explain-heat-no-color-\(width)x\(height)")
    }

    @Test(arguments: sizes) func sideBySide(width: Int, height: Int) throws {
        assertSnapshot(try screen(.explain(Self.sideBySide), width: width, height: height), named: "explain-side-by-side-\(width)x\(height)")
        assertSnapshot(try screen(.explain(Self.sideBySide), width: width, height: height, colors: 0), named: "explain-side-by-side-no-color-\(width)x\(height)")
    }

    @Test(arguments: sizes) func attentionGrid(width: Int, height: Int) throws {
        assertSnapshot(try screen(.attention(Self.attention), width: width, height: height), named: "attention-grid-\(width)x\(height)")
        assertSnapshot(try screen(.attention(Self.attention), width: width, height: height, colors: 0), named: "attention-grid-no-color-\(width)x\(height)")
        var multiples = Self.attention
        multiples.mode = .multiples
        assertSnapshot(try screen(.attention(multiples), width: width, height: height), named: "attention-multiples-\(width)x\(height)")
        assertSnapshot(try screen(.attention(multiples), width: width, height: height, colors: 0), named: "attention-multiples-no-color-\(width)x\(height)")
    }

    @Test(arguments: sizes) func methodPicker(width: Int, height: Int) throws {
        var view = Self.explain
        view.picker = MethodPicker(methods: [.ig, .permutation, .kernelshap, .shap, .exact, .loo, .grad, .gxi, .attention, .rollout],
                                   current: .permutation, players: 16)
        view.picker?.cursor = 4
        assertSnapshot(try screen(.explain(view), width: width, height: height), named: "method-picker-\(width)x\(height)")
        assertSnapshot(try screen(.explain(view), width: width, height: height, colors: 0), named: "method-picker-no-color-\(width)x\(height)")
    }

    @Test(arguments: sizes) func headImportanceTable(width: Int, height: Int) throws {
        var view = Self.attention
        view.mode = .importance
        view.head = 2
        // Two layers of four heads: one strong head, one middling, the rest small.
        view.importance = HeadImportanceState(scope: "'genre == \"drama\"', 4 instances", instances: 4,
                                              scores: [[0.012, 0.3, 0.05, 0.0004], [0.21, 0.08, 0.16, 0.02]])
        assertSnapshot(try screen(.attention(view), width: width, height: height), named: "head-importance-\(width)x\(height)")
        assertSnapshot(try screen(.attention(view), width: width, height: height, colors: 0), named: "head-importance-no-color-\(width)x\(height)")
    }

    @Test(arguments: sizes) func whatIf(width: Int, height: Int) throws {
        assertSnapshot(try screen(.whatIf(Self.whatIf), width: width, height: height), named: "what-if-\(width)x\(height)")
        assertSnapshot(try screen(.whatIf(Self.whatIf), width: width, height: height, colors: 0), named: "what-if-no-color-\(width)x\(height)")
    }

    @Test func theHeatTextKeepsEveryCharacterAndMarksTheSignWithoutColour() throws {
        let view = HeatView(explain: Self.explain, colors: 0)
        let text = view.heatText(Self.wide, scale: HeatScale(scores: Self.wide.scores, colors: 0), cursor: nil)
        // Every character of the input, in order, with a marker after each token: + for, − against, · within 2 SE.
        #expect(text.plainText == "静かな+ 映画− but· e\u{301}té+ was− sad· and+ très+ beautiful+")
    }
}
