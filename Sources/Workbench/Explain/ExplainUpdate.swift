import ErrataCore
import TerminalUI

/// `a` on an instance: its input explained by the first shown system that can be, with
/// Integrated Gradients (fast; SHAP is `s` away). The disk cache answers first.
func openExplanation(_ state: inout AppState, row: Int, method: ExplanationMethod = .ig) -> [Effect] {
    let dataset = state.analysis.dataset
    guard row < state.rows.count, let input = dataset.inputs.first else {
        state.message = .init(text: "nothing to explain: this dataset has no input text", isError: true)
        return []
    }
    let candidates = state.systems + dataset.systems.map(\.name)
    guard let system = candidates.first(where: { state.explainable[$0] != nil }) else {
        if deferUntilModelsLoad(&state, .explanation(instance: state.rows[row], method: method)) { return [] }
        let systems = dataset.systems.map(\.name).joined(separator: ", ")
        state.message = .init(text: "no model explains \(systems.isEmpty ? "this dataset's systems" : systems): the dataset declares none", isError: true)
        return []
    }
    let text = input.displayValue(state.rows[row])
    var request = ExplanationRequest(system: system, text: text, method: method)
    if !method.isModelAgnostic, !state.canUseGradients(system) { request.method = .permutation }
    var explain = ExplainState(row: row, instance: dataset.ids[state.rows[row]], text: text, request: request)
    return startExplanation(&state, &explain)
}

/// `A` on an instance: the attention of the first shown system that has it.
func openAttention(_ state: inout AppState, row: Int) -> [Effect] {
    guard let system = (state.systems + state.explainable.keys.sorted()).first(where: { state.canUseGradients($0) }),
          let input = state.analysis.dataset.inputs.first, row < state.rows.count else {
        if row < state.rows.count, deferUntilModelsLoad(&state, .attention(instance: state.rows[row])) { return [] }
        state.message = .init(text: "no model with attention explains this dataset's systems", isError: true)
        return []
    }
    return openAttention(&state, system: system, text: input.displayValue(state.rows[row]), from: nil)
}

/// `e` on an instance: its input in the what-if editor of the first shown system with a model.
func openWhatIf(_ state: inout AppState, row: Int) -> [Effect] {
    guard let system = (state.systems + state.explainable.keys.sorted()).first(where: { state.explainable[$0] != nil }),
          let input = state.analysis.dataset.inputs.first, row < state.rows.count else {
        if row < state.rows.count, deferUntilModelsLoad(&state, .whatIf(instance: state.rows[row])) { return [] }
        state.message = .init(text: "no model can run this dataset's inputs again", isError: true)
        return []
    }
    let instance = state.rows[row]
    return openWhatIf(&state, system: system, text: input.displayValue(instance), instance: state.analysis.dataset.ids[instance])
}

/// Shows the explanation view and starts its first pane.
func startExplanation(_ state: inout AppState, _ explain: inout ExplainState) -> [Effect] {
    let effects = startPane(&state, &explain, 0)
    state.overlay = .explain(explain)
    return effects
}

extension AppState {
    /// Whether the system's model has gradients and attention (a bag of words explains
    /// through the model-agnostic methods only).
    func canUseGradients(_ system: String) -> Bool { explainable[system]?.gradients ?? false }
}

/// Starts (or restarts) the job of a pane after its request changed.
private func startPane(_ state: inout AppState, _ explain: inout ExplainState, _ pane: Int) -> [Effect] {
    explain.panes[pane].explanation = nil
    explain.panes[pane].faithfulness = nil
    explain.panes[pane].error = nil
    explain.panes[pane].running = true
    let request = explain.panes[pane].request
    return state.start(.explain(request, pane: pane), label: "\(request.method.rawValue) for \(request.system)…")
}

/// Keys of the explanation view.
func handleExplainKey(_ state: inout AppState, _ explain: ExplainState, _ key: Key) -> [Effect] {
    var explain = explain
    var effects: [Effect] = []
    let pane = min(explain.focus, explain.panes.count - 1)
    let tokens = explain.panes[pane].explanation?.tokens.count ?? 0
    func change(_ edit: (inout ExplanationRequest) -> Void) {
        edit(&explain.panes[pane].request)
        effects += startPane(&state, &explain, pane)
    }
    if var picker = explain.picker {
        switch handleMethodPickerKey(&picker, key) {
        case .open: explain.picker = picker
        case .closed: explain.picker = nil
        case .refused(let reason):
            explain.picker = picker
            state.message = .init(text: reason, isError: true)
        case .chosen(let method):
            explain.picker = nil
            if method != explain.panes[pane].request.method { change { $0.method = method } }
        }
        state.overlay = .explain(explain)
        return effects
    }
    switch ExplainKeymap.explain.command(for: key) {
    case .nextToken?: explain.cursor = min(max(0, tokens - 1), explain.cursor + 1)
    case .previousToken?: explain.cursor = max(0, explain.cursor - 1)
    case .scrollDown?: explain.top += 1
    case .scrollUp?: explain.top = max(0, explain.top - 1)
    case .chooseMethod?:
        explain.picker = MethodPicker(methods: state.methods(for: explain.panes[pane].request.system),
                                      current: explain.panes[pane].request.method, players: explain.panes[pane].explanation?.tokens.count)
    case .nextMethod?:
        let methods = state.methods(for: explain.panes[pane].request.system)
        let current = methods.firstIndex(of: explain.panes[pane].request.method) ?? 0
        change { $0.method = methods[(current + 1) % methods.count] }
    case .shap?: change { $0.method = .permutation }
    case .integratedGradients?:
        guard state.canUseGradients(explain.panes[pane].request.system) else {
            state.message = .init(text: "\(explain.panes[pane].request.system) has no gradients: its model explains through Shapley values and LOO", isError: true)
            break
        }
        change { $0.method = .ig }
    case .nextTarget?:
        let classes = state.explainable[explain.panes[pane].request.system]?.classes ?? []
        guard !classes.isEmpty else { break }
        let current = explain.panes[pane].request.target ?? explain.panes[pane].explanation?.target ?? classes[0]
        let next = classes[((classes.firstIndex(of: current) ?? -1) + 1) % classes.count]
        change { $0.target = next }
    case .toggleUnit?:
        explain.cursor = 0
        change { $0.unit = $0.unit == .tokens ? .words : .tokens }
    case .nextMasking?:
        let all = ExplanationMasking.allCases
        change { $0.masking = all[((all.firstIndex(of: $0.masking) ?? 0) + 1) % all.count] }
    case .faithfulness?:
        guard let explanation = explain.panes[pane].explanation, !explain.panes[pane].running else {
            state.message = .init(text: "faithfulness needs a finished explanation", isError: true)
            break
        }
        effects += state.start(.faithfulness(explanation, explain.panes[pane].request, pane: pane), label: "faithfulness…")
    case .sideBySide?:
        if explain.panes.count == 2 {
            explain.panes.removeLast()
            explain.focus = 0
            effects += state.cancelJobs(.explain(pane: 1))
        } else {
            var second = explain.panes[0].request
            let methods = state.methods(for: second.system)
            second.method = methods[((methods.firstIndex(of: second.method) ?? 0) + 1) % methods.count]
            explain.panes.append(ExplainPane(request: second))
            explain.focus = 1
            effects += startPane(&state, &explain, 1)
        }
    case .otherSystem?:
        let systems = state.explainable.keys.sorted()
        guard systems.count > 1 else {
            state.message = .init(text: "only \(systems.first ?? "no system") can be explained here", isError: true)
            break
        }
        var second = explain.panes[0].request
        second.system = systems[((systems.firstIndex(of: second.system) ?? 0) + 1) % systems.count]
        if !second.method.isModelAgnostic, !state.canUseGradients(second.system) { second.method = .permutation }
        second.target = nil
        if explain.panes.count == 1 { explain.panes.append(ExplainPane(request: second)) } else { explain.panes[1] = ExplainPane(request: second) }
        explain.focus = 1
        effects += startPane(&state, &explain, 1)
    case .switchPane?: explain.focus = (explain.focus + 1) % explain.panes.count
    case .attention?:
        return openAttention(&state, system: explain.panes[pane].request.system, text: explain.text, from: explain)
    case .whatIf?:
        return openWhatIf(&state, system: explain.panes[pane].request.system, text: explain.text, instance: explain.instance)
    case .help?:
        state.overlay = .help(.explain, back: .explain(explain))
        return []
    case .close?:
        state.overlay = .detail(DetailState(row: explain.row))
        return state.cancelJobs(.explain(pane: 0)) + state.cancelJobs(.explain(pane: 1)) + state.cancelJobs(.faithfulness)
    case .quit?: return [.quit]
    case nil: return []
    }
    state.overlay = .explain(explain)
    return effects
}

extension AppState {
    /// The methods a system's model supports, in the order `m` steps through them.
    func methods(for system: String) -> [ExplanationMethod] {
        let order: [ExplanationMethod] = [.ig, .permutation, .kernelshap, .shap, .exact, .loo, .grad, .gxi, .attention, .rollout]
        return canUseGradients(system) ? order : order.filter(\.isModelAgnostic)
    }
}

/// A partial or final explanation for a pane.
func applyExplanation(_ state: inout AppState, pane: Int, _ explanation: Explanation, final: Bool, cached: Bool = false) {
    changePane(&state, pane) { explain in
        explain.panes[pane].explanation = explanation
        explain.panes[pane].running = !final
        explain.panes[pane].cached = cached
        explain.cursor = min(explain.cursor, max(0, explanation.tokens.count - 1))
    }
}

/// A pane's job failed: the message goes in the pane.
func failExplanation(_ state: inout AppState, pane: Int, _ text: String) {
    changePane(&state, pane) { explain in
        explain.panes[pane].running = false
        explain.panes[pane].error = text
    }
}

func applyFaithfulness(_ state: inout AppState, pane: Int, _ scores: FaithfulnessScores) {
    changePane(&state, pane) { $0.panes[pane].faithfulness = scores }
}

/// A pane's job result applied to the explanation view, also under a help shown over it.
private func changePane(_ state: inout AppState, _ pane: Int, _ change: (inout ExplainState) -> Void) {
    state.updateOverlay { overlay in
        guard case .explain(var explain) = overlay, pane < explain.panes.count else { return overlay }
        change(&explain)
        return .explain(explain)
    }
}
