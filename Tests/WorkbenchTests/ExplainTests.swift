import ErrataCore
import Foundation
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// An explanation of `text` scoring its words in turn by `scores` (cycled), with standard
/// errors `se` (cycled), as an engine would return it.
func wordExplanation(_ text: String, method: String = "permutation", scores: [Double], se: [Double]? = nil, target: String = "pos") -> Explanation {
    var tokens: [Explanation.Token] = []
    var offset = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        let length = word.unicodeScalars.count
        if length > 0 { tokens.append(.init(text: String(word), start: offset, end: offset + length)) }
        offset += length + 1
    }
    return Explanation(method: method, text: text, tokens: tokens, scores: tokens.indices.map { scores[$0 % scores.count] },
                       se: se.map { se in tokens.indices.map { se[$0 % se.count] } }, baseValue: 0.5, value: 0.8, prediction: target,
                       probabilities: ["neg": 0.2, "pos": 0.8], target: target, output: "probability", delta: 0.0001, evaluations: 120, converged: true)
}

/// The explanation, attention and what-if views as `update` sees them: the job flow of an
/// explanation (start, partial estimates, result, cancel, stale results dropped) and the keys.
@Suite struct ExplainTests {
    let analysis: Analysis
    let text = "A joy from start to finish"
    var explainer: CannedExplainer

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
        explainer = CannedExplainer()
        explainer.systems = ["bert": ["neg", "pos"], "bow": ["neg", "pos"]]
        var halfway = wordExplanation(text, scores: [0.3, -0.1], se: [0.2])
        halfway.evaluations = 60
        explainer.partials = [halfway]
        explainer.explanations = [text: wordExplanation(text, scores: [0.3, -0.1], se: [0.02])]
        explainer.predictions = [text: Prediction(label: "pos", probabilities: [0.2, 0.8]),
                                 "A bore from start to finish": Prediction(label: "neg", probabilities: [0.9, 0.1])]
    }

    func state() -> AppState {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        s.explainable = ExplainableSystem.all(from: explainer)
        return s
    }

    /// Runs one job of `effects` with the canned engine, posting its progress first.
    func run(_ s: inout AppState, _ effects: [Effect], partials: Bool = true) -> [Effect] {
        guard case .run(let id, let work)? = effects.last else { return [] }
        let progress = Collector<JobProgress>()
        let result = EffectRunner.result(of: work, analysis: analysis, explainer: explainer, progress: { progress.append($0) })
        var more: [Effect] = []
        if partials { for message in progress.items { more += update(&s, .progress(id, message)) } }
        return more + update(&s, .finished(id, result))
    }

    @Test func anExplanationArrivesPartialThenFinal() throws {
        var s = state()
        _ = update(&s, .event(.key(.enter)))
        let effects = update(&s, .event(.key(.character("a"))))
        guard case .run(_, .explain(let request, pane: 0))? = effects.last else { Issue.record("no explain job: \(effects)"); return }
        // Integrated Gradients by default, for the first shown system that can be explained.
        #expect(request == ExplanationRequest(system: "bert", text: text, method: .ig))
        guard case .explain(let opened)? = s.overlay else { Issue.record("no explanation view"); return }
        #expect(opened.panes[0].running && opened.panes[0].explanation == nil)
        // The partial estimate shows while the job runs; then the final one replaces it.
        let id = s.jobs.last!.id
        _ = update(&s, .progress(id, .explanation(explainer.partials[0])))
        guard case .explain(let partial)? = s.overlay else { Issue.record("view closed"); return }
        #expect(partial.panes[0].running && partial.panes[0].maxSE == 0.2)
        _ = run(&s, effects, partials: false)
        guard case .explain(let final)? = s.overlay else { Issue.record("view closed"); return }
        #expect(!final.panes[0].running && final.panes[0].maxSE == 0.02 && final.panes[0].explanation?.method == "ig")
        #expect(s.jobs.isEmpty)
    }

    @Test func escCancelsAndALateResultIsDropped() {
        var s = state()
        _ = update(&s, .event(.key(.enter)))
        let effects = update(&s, .event(.key(.character("a"))))
        let id = s.jobs.last!.id
        let close = update(&s, .event(.key(.escape)))
        #expect(close == [.cancel([id])])
        #expect(s.overlay == .detail(DetailState(row: 0)))
        _ = run(&s, effects)
        #expect(s.overlay == .detail(DetailState(row: 0)) && s.jobs.isEmpty)
    }

    @Test func aResultArrivingUnderTheHelpReachesItsView() {
        var s = state()
        _ = update(&s, .event(.key(.enter)))
        let started = update(&s, .event(.key(.character("a"))))
        guard case .run(let id, let work)? = started.last else { Issue.record("no job"); return }
        _ = update(&s, .event(.key(.character("?"))))
        guard case .help(.explain, back: _)? = s.overlay else { Issue.record("no help: \(String(describing: s.overlay))"); return }
        _ = update(&s, .finished(id, EffectRunner.result(of: work, analysis: analysis, explainer: explainer)))
        _ = update(&s, .event(.key(.character("x"))))
        guard case .explain(let view)? = s.overlay else { Issue.record("no explanation view"); return }
        #expect(view.panes[0].explanation?.scores.first == 0.3 && !view.panes[0].running)
    }

    @Test func theMethodPickerListsWhatTheModelSupportsAndRefusesUnaffordableExact() {
        var s = state()
        _ = update(&s, .event(.key(.enter)))
        _ = run(&s, update(&s, .event(.key(.character("a")))))
        #expect(update(&s, .event(.key(.character("m")))).isEmpty)
        guard case .explain(let opened)? = s.overlay, let picker = opened.picker else { Issue.record("no picker"); return }
        #expect(picker.methods == [.ig, .permutation, .kernelshap, .shap, .exact, .loo, .grad, .gxi, .attention, .rollout])
        #expect(picker.cursor == 0 && picker.players == 6)  // the six words of the canned explanation
        // Down three and Enter: shap, which starts the pane again and closes the list.
        for key in [Key.character("j"), .down, .character("j")] { _ = update(&s, .event(.key(key))) }
        let chosen = update(&s, .event(.key(.enter)))
        guard case .run(_, .explain(let request, pane: 0))? = chosen.last else { Issue.record("no job"); return }
        guard case .explain(let closed)? = s.overlay else { Issue.record("view closed"); return }
        #expect(request.method == .shap && closed.picker == nil)
        // Exact over 15 players is refused with the reason; the list stays open.
        var many = MethodPicker(methods: [.exact, .shap], current: .shap, players: 15)
        many.cursor = 0
        #expect(handleMethodPickerKey(&many, .enter) == .refused(
            "exact needs 2^15 evaluations for 15 players; use shap or permutation, or words (w) for fewer players"))
        var few = MethodPicker(methods: [.exact, .shap], current: .shap, players: 14)
        few.cursor = 0
        #expect(handleMethodPickerKey(&few, .enter) == .chosen(.exact))
        #expect(handleMethodPickerKey(&few, .escape) == .closed)
        // A bag of words lists the model-agnostic methods only.
        #expect(s.methods(for: "bow") == [.permutation, .kernelshap, .shap, .exact, .loo])
    }

    @Test func keysChangeTheMethodTargetUnitAndPanes() {
        var s = state()
        _ = update(&s, .event(.key(.enter)))
        _ = run(&s, update(&s, .event(.key(.character("a")))))
        // s: SHAP (permutation) restarts the pane; the older job is superseded.
        let shap = update(&s, .event(.key(.character("s"))))
        guard case .run(_, .explain(let request, pane: 0))? = shap.last else { Issue.record("no job"); return }
        #expect(request.method == .permutation)
        _ = run(&s, shap)
        for (key, check) in [("t", { (r: ExplanationRequest) in r.target == "neg" }), ("w", { $0.unit == .words }), ("x", { $0.masking == .pad }),
                             ("M", { $0.method == .kernelshap })] as [(Character, (ExplanationRequest) -> Bool)] {
            let effects = update(&s, .event(.key(.character(key))))
            guard case .run(_, .explain(let changed, pane: 0))? = effects.last else { Issue.record("no job after \(key)"); return }
            #expect(check(changed), "key \(key): \(changed)")
            _ = run(&s, effects)
        }
        // v: a second pane with the next method; both finish; the agreement is computed.
        _ = run(&s, update(&s, .event(.key(.character("v")))))
        guard case .explain(let view)? = s.overlay else { Issue.record("view closed"); return }
        #expect(view.panes.count == 2 && view.focus == 1 && view.panes[1].request.method == .shap)
        #expect(RankAgreement(view.panes[0].explanation!.scores, view.panes[1].explanation!.scores)?.spearman == 1)
        // y: the same method for the other system; bow has no gradients, so never IG.
        _ = update(&s, .event(.key(.character("y"))))
        guard case .explain(let other)? = s.overlay else { Issue.record("view closed"); return }
        #expect(other.panes[1].request.system == "bow")
        _ = update(&s, .event(.key(.character("i"))))
        #expect(s.message?.text == "bow has no gradients: its model explains through Shapley values and LOO")
    }

    @Test func aSystemWithoutAModelIsRefusedWithAMessage() {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        _ = update(&s, .event(.key(.enter)))
        #expect(update(&s, .event(.key(.character("a")))).isEmpty)
        #expect(s.message == .init(text: "no model explains bert, lr: the dataset declares none", isError: true))
    }

    @Test func anExplanationAskedForWhileTheModelsLoadOpensWhenTheyAre() throws {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        let loading = s.start(.explainableSystems, label: "loading the explaining models…")
        _ = update(&s, .event(.key(.enter)))
        #expect(update(&s, .event(.key(.character("a")))).isEmpty)
        #expect(s.message == .init(text: "the explaining models are loading: this opens when they are ready", isError: false))
        guard case .detail? = s.overlay else { Issue.record("the instance closed: \(String(describing: s.overlay))"); return }
        // Loaded: the explanation of the instance it was asked on starts at once.
        let effects = run(&s, loading)
        guard case .run(_, .explain(let request, pane: 0))? = effects.last else { Issue.record("no explain job: \(effects)"); return }
        #expect(request == ExplanationRequest(system: "bert", text: text, method: .ig))
        guard case .explain? = s.overlay else { Issue.record("no explanation view"); return }
    }

    @Test func aWhatIfAskedForWhileTheModelsFailToLoadOpensNothing() throws {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40)
        _ = s.start(.explainableSystems, label: "loading the explaining models…")
        _ = update(&s, .event(.key(.enter)))
        _ = update(&s, .event(.key(.character("e"))))
        #expect(s.message?.text == "the explaining models are loading: this opens when they are ready")
        let id = try #require(s.jobs.first { $0.kind == .models }).id
        #expect(update(&s, .finished(id, .failed("the encoder could not be fetched"))).isEmpty)
        #expect(s.message == .init(text: "the encoder could not be fetched", isError: true))
        // Loaded later (a retry), nothing asked for long ago pops up.
        let retry = s.start(.explainableSystems, label: "loading the explaining models…")
        _ = run(&s, retry)
        guard case .detail? = s.overlay else { Issue.record("something opened: \(String(describing: s.overlay))"); return }
    }

    @Test func attentionStepsThroughLayersHeadsAndModes() {
        var s = state()
        explainerWithGrid: do {
            var canned = explainer
            canned.grids = [text: CannedExplainer.attention!]
            _ = update(&s, .event(.key(.enter)))
            let effects = update(&s, .event(.key(.character("A"))))
            guard case .run(let id, let work)? = effects.last else { Issue.record("no attention job"); break explainerWithGrid }
            _ = update(&s, .finished(id, EffectRunner.result(of: work, analysis: analysis, explainer: canned)))
        }
        guard case .attention(let opened)? = s.overlay else { Issue.record("no attention view"); return }
        #expect(opened.layer == 1 && opened.mode == .average && abs((opened.matrix?[0][1] ?? 0) - 0.35) < 1e-6)
        for key in [Key.character("."), .character("j"), .character("l"), .character("l"), .character("[")] { _ = update(&s, .event(.key(key))) }
        guard case .attention(let moved)? = s.overlay else { Issue.record("view closed"); return }
        // From the mean, `.` shows one head (the first); layer 1, head 1: query 1 gives 0.6 to key (1 + 0 + 0) mod 5 = 1.
        #expect(moved.mode == .head && moved.layer == 0 && moved.head == 0 && moved.query == 1 && moved.key == 2)
        #expect(moved.matrix?[1][1] == Double(Float(0.6)) && moved.matrix?[1][2] == Double(Float(0.1)))
        _ = update(&s, .event(.key(.character("r"))))
        guard case .attention(let rolled)? = s.overlay, let rollout = rolled.matrix else { Issue.record("no rollout"); return }
        for row in rollout { #expect(abs(row.reduce(0, +) - 1) < 1e-9) }
        _ = update(&s, .event(.key(.character("?"))))
        #expect(s.overlay == .help(.attention, back: .attention(rolled)))
        _ = update(&s, .event(.key(.character("x"))))
        #expect(s.overlay == .attention(rolled))
    }

    @Test func whatIfRunsTheModelOnTheEditAndKeepsIt() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let copy = Analysis(dataset: try DatasetLoader.load(try folder.write("reviews.csv", Fixtures.reviews), overrides: Fixtures.reviewRoles))
        var s = AppState.settled(analysis: copy, width: 120, height: 40)
        s.explainable = ExplainableSystem.all(from: explainer)
        _ = update(&s, .event(.key(.enter)))
        func runAll(_ effects: [Effect]) {
            for case .run(let id, let work) in effects {
                runAll(update(&s, .finished(id, EffectRunner.result(of: work, analysis: copy, explainer: explainer))))
            }
        }
        runAll(update(&s, .event(.key(.character("e")))))
        guard case .whatIf(let opened)? = s.overlay else { Issue.record("no what-if view"); return }
        #expect(opened.before == Prediction(label: "pos", probabilities: [0.2, 0.8]) && opened.field.text == text)
        // Typing supersedes the prediction of each earlier keystroke: only the last runs.
        var last: [Effect] = []
        for _ in 0 ..< 21 { _ = update(&s, .event(.key(.left))) }
        for _ in 0 ..< 3 { last = update(&s, .event(.key(.backspace))) }
        for c in "bore" { last = update(&s, .event(.key(.character(c)))) }
        #expect(s.jobs.filter { $0.kind == .predict(edit: true) }.count == 1)
        runAll(last)
        guard case .whatIf(let edited)? = s.overlay else { Issue.record("view closed"); return }
        #expect(edited.field.text == "A bore from start to finish")
        #expect(edited.after == Prediction(label: "neg", probabilities: [0.9, 0.1]))
        runAll(update(&s, .event(.key(.enter))))
        let kept = try Counterfactuals.load(for: copy.dataset)
        #expect(kept == [Counterfactual(parent: "1", system: "bert", original: text, edited: "A bore from start to finish",
                                        before: Prediction(label: "pos", probabilities: [0.2, 0.8]), after: Prediction(label: "neg", probabilities: [0.9, 0.1]))])
        #expect(kept[0].flipped && s.message?.text.hasPrefix("kept the edit (flipped pos → neg) in ") == true)
        // Tab explains the edited text.
        let explainEdit = update(&s, .event(.key(.tab)))
        guard case .run(_, .explain(let request, pane: 0))? = explainEdit.last else { Issue.record("no explanation of the edit"); return }
        #expect(request.text == "A bore from start to finish" && request.system == "bert")
        guard case .explain(let view)? = s.overlay else { Issue.record("no explanation view"); return }
        #expect(view.instance == "1 (edited)")
        // The sidebar gains the instances with a kept edit as a slice.
        let entry = try #require(s.sidebar.first { $0.label == "what-if edits: 1, 1 flipped" })
        #expect(entry.filter == "counterfactual" && entry.count == 1)
        // The filter bar reads the kept edit too.
        s.overlay = nil
        for c in ":slice flipped(bert)" { runAll(update(&s, .event(.key(.character(c))))) }
        runAll(update(&s, .event(.key(.enter))))
        #expect(s.rows.map { s.analysis.dataset.ids[$0] } == ["1"])
    }

    @Test func loadingTheModelsReportsTheFetchAsTheJobsProgress() throws {
        let steps = Collector<JobProgress>()
        let result = EffectRunner.result(of: .explainableSystems, analysis: analysis, explainer: explainer, progress: { steps.append($0) })
        let fractions = steps.items.compactMap { step -> Double? in if case .fraction(let f) = step { f } else { nil } }
        #expect(fractions == [0.5, 1])
        guard case .explainable(let systems) = result else { Issue.record("no systems: \(result)"); return }
        #expect(systems["bert"]?.classes == ["neg", "pos"])
    }

    @Test func headImportanceOfTheTextAndOfTheSlice() throws {
        var s = state()
        var canned = explainer
        canned.grids = [text: CannedExplainer.attention!]
        func run(_ effects: [Effect]) {
            for case .run(let id, let work) in effects {
                run(update(&s, .finished(id, EffectRunner.result(of: work, analysis: analysis, explainer: canned))))
            }
        }
        _ = update(&s, .event(.key(.enter)))
        run(update(&s, .event(.key(.character("A")))))
        // `i`: this text only; the canned engine gives texts × (layer + 1) + head / 10.
        let started = update(&s, .event(.key(.character("i"))))
        guard case .run(_, .headImportance(let request))? = started.last else { Issue.record("no head-importance job"); return }
        #expect(request.texts == [text] && request.scope == "this input" && s.job(.headImportance) != nil)
        run(started)
        guard case .attention(let one)? = s.overlay else { Issue.record("view closed"); return }
        #expect(one.mode == .importance && one.importance?.scores?[1][1] == 2.1 && one.importance?.instances == 1)
        // On the table the cursor moves by layer and head (two of each here); Enter opens that head's grid.
        for key in [Key.character("k"), .character("l"), .character("l")] { _ = update(&s, .event(.key(key))) }
        guard case .attention(let moved)? = s.overlay else { Issue.record("view closed"); return }
        #expect(moved.layer == 0 && moved.head == 1)
        _ = update(&s, .event(.key(.enter)))
        guard case .attention(let opened)? = s.overlay else { Issue.record("view closed"); return }
        #expect(opened.mode == .head && opened.layer == 0 && opened.head == 1 && opened.matrix == CannedExplainer.attention!.map(layer: 0, head: 1))
        // `I`: the table's rows (all ten here), each text of the first input.
        let slice = update(&s, .event(.key(.character("I"))))
        guard case .run(_, .headImportance(let sliceRequest))? = slice.last else { Issue.record("no slice job"); return }
        #expect(sliceRequest.texts.count == 10 && sliceRequest.scope == "all instances, 10 instances")
        run(slice)
        guard case .attention(let all)? = s.overlay else { Issue.record("view closed"); return }
        #expect(all.importance?.scores?[0][0] == 10 && all.importance?.scores?[1][1] == 20.1)
        // Esc cancels a running one with the view.
        _ = update(&s, .event(.key(.character("I"))))
        #expect(update(&s, .event(.key(.escape))).contains { if case .cancel = $0 { true } else { false } })
        #expect(s.job(.headImportance) == nil)
    }

    @Test func rankAgreementOfHandComputedCases() throws {
        let agreement = try #require(RankAgreement([0.4, -0.2, 0.1, 0.0], [0.3, 0.1, -0.5, 0.05], k: 2))
        // Ranks 4 1 3 2 against 4 3 1 2: d² = 0 + 4 + 4 + 0 = 8, rho = 1 - 6·8 / (4·15) = 0.2.
        #expect(abs(agreement.spearman! - 0.2) < 1e-12)
        // Top 2 by |score|: {0, 1} against {2, 0}.
        #expect(agreement.overlap == 1 && agreement.topK == 2)
        #expect(RankAgreement([1], [2])?.spearman == nil)
        #expect(RankAgreement([1, 2], [1]) == nil)
    }

    @Test func heatScaleKeepsTheSignAtEveryDepth() {
        let scale = HeatScale(scores: [0.4, -0.2, 0.05], colors: 0)
        #expect(scale.step(0.4) == 5 && scale.step(-0.2) == 3 && scale.step(0.05) == 1)
        #expect(scale.marker(0.4) == "+" && scale.marker(-0.2) == "−" && scale.marker(0.05, se: 0.03) == "·")
        #expect(scale.style(0.4) == Style(attributes: [.reverse]) && scale.style(-0.2) == Style(attributes: [.bold]))
        let eight = HeatScale(scores: [0.4, -0.2], colors: 8)
        #expect(eight.style(0.4).background == .red && eight.style(-0.2).foreground == .blue && eight.marker(0.4) == nil)
        let full = HeatScale(scores: [0.4, -0.2], colors: 256)
        #expect(full.style(0.4).background == .indexed(196) && full.style(-0.2).background == .indexed(111))
        #expect(full.style(0.01, se: 0.01) == Style(attributes: [.dim]))
    }
}
