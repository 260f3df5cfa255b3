import ErrataCore

/// A model view asked for while the explaining models load, opened once they are ready.
///
/// Loading takes seconds (a first run fetches the encoder), and the workbench is usable
/// meanwhile; an explanation asked for then used to be refused as if no model existed. It
/// waits instead, for the instance it was asked on: a filter changed in the meantime does not
/// move it to another row.
enum DeferredModelView: Equatable {
    case explanation(instance: Int, method: ExplanationMethod)
    case attention(instance: Int)
    case whatIf(instance: Int)

    var instance: Int {
        switch self {
        case .explanation(let instance, _), .attention(let instance), .whatIf(let instance): instance
        }
    }
}

extension AppState {
    /// Whether the explaining models are still loading.
    var modelsLoading: Bool { jobs.contains { $0.kind == .models } }
}

/// Keeps `view` for when the models have loaded, if they are loading, and says so.
/// - Returns: false when the models are not loading (nothing is deferred).
func deferUntilModelsLoad(_ state: inout AppState, _ view: DeferredModelView) -> Bool {
    guard state.modelsLoading else { return false }
    state.deferredModelView = view
    state.message = .init(text: "the explaining models are loading: this opens when they are ready", isError: false)
    return true
}

/// Opens the view deferred while the models loaded, on the instance it was asked on, if that
/// instance is still in the table and nothing else is open over it.
func openDeferredModelView(_ state: inout AppState) -> [Effect] {
    guard let view = state.deferredModelView else { return [] }
    state.deferredModelView = nil
    guard let row = state.rows.firstIndex(of: view.instance) else { return [] }
    switch state.overlay {
    case nil, .detail(_)?: break
    default: return []
    }
    switch view {
    case .explanation(_, let method): return openExplanation(&state, row: row, method: method)
    case .attention: return openAttention(&state, row: row)
    case .whatIf: return openWhatIf(&state, row: row)
    }
}
