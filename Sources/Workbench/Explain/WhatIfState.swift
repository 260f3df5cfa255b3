import ErrataCore
import TerminalUI

/// The what-if editor: an instance's input in a text field; as the user types, the system
/// runs again on the edited text (debounced) and its prediction shows beside the original.
public struct WhatIfState: Sendable, Equatable {
    public var instance: String
    public var system: String
    public var original: String
    /// The text being edited.
    public var field: TextField
    public var before: Prediction?
    public var after: Prediction?
    /// The text `after` answers (the field may be ahead of it while the model runs).
    public var afterText: String?
    public var error: String?
    /// The flip rate of the counterfactuals kept for this system, once read.
    public var kept: [Counterfactual] = []

    public init(instance: String, system: String, original: String) {
        self.instance = instance
        self.system = system
        self.original = original
        field = TextField(original)
    }
}

/// `e`: the input in the what-if editor, with the system's prediction of the original.
func openWhatIf(_ state: inout AppState, system: String, text: String, instance: String) -> [Effect] {
    state.overlay = .whatIf(WhatIfState(instance: instance, system: system, original: text))
    return state.start(.predict(system: system, text: text, edit: false), label: "predicting the original…")
}

/// Keys of the editor: text editing goes to the field; Enter keeps the edit; Esc leaves.
func handleWhatIfKey(_ state: inout AppState, _ whatIf: WhatIfState, _ key: Key) -> [Effect] {
    var view = whatIf
    switch key {
    case .escape:
        state.overlay = nil
        return state.cancelJobs(.predict(edit: false)) + state.cancelJobs(.predict(edit: true))
    case .tab:
        // The attribution of the edited text, in the explanation view (Esc goes back to the table).
        let effects = state.cancelJobs(.predict(edit: false)) + state.cancelJobs(.predict(edit: true))
        var request = ExplanationRequest(system: view.system, text: view.field.text)
        if !state.canUseGradients(view.system) { request.method = .permutation }
        var explain = ExplainState(row: state.tableCursor, instance: view.instance + " (edited)", text: view.field.text, request: request)
        return effects + startExplanation(&state, &explain)
    case .enter:
        guard let before = view.before, let after = view.after, view.afterText == view.field.text, view.field.text != view.original else {
            state.message = .init(text: view.field.text == view.original ? "edit the text first: Enter keeps an edit" : "wait for the prediction of the edited text", isError: true)
            return []
        }
        let counterfactual = Counterfactual(parent: view.instance, system: view.system, original: view.original, edited: view.field.text,
                                            before: before, after: after)
        view.kept.append(counterfactual)
        state.overlay = .whatIf(view)
        return state.start(.saveCounterfactual(counterfactual), label: "keeping the edit…")
    default:
        let before = view.field.text
        guard view.field.handle(key) else { return [] }
        state.overlay = .whatIf(view)
        guard view.field.text != before else { return [] }
        return state.start(.predict(system: view.system, text: view.field.text, edit: true), label: "predicting the edit…")
    }
}

/// A prediction is in: of the original text first, then of edits.
func applyPrediction(_ state: inout AppState, text: String, _ prediction: Prediction) {
    state.updateOverlay { overlay in
        guard case .whatIf(var view) = overlay else { return overlay }
        if text == view.original, view.before == nil { view.before = prediction }
        if text != view.original || view.after == nil {
            view.after = prediction
            view.afterText = text
        }
        return .whatIf(view)
    }
}
