import ErrataCore
@testable import Workbench

/// The workbench's loop without threads: `update`, then every job it starts performed at
/// once and its result fed back, until nothing is left running. Tests see what a user sees
/// once the work is in; the effects that are not jobs (tag store work, quitting) are
/// returned for assertions.
@discardableResult
func step(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    settle(&state, update(&state, msg))
}

/// Performs `effects` as `step` does.
@discardableResult
func settle(_ state: inout AppState, _ effects: [Effect]) -> [Effect] {
    var pending = effects
    var others: [Effect] = []
    while !pending.isEmpty {
        switch pending.removeFirst() {
        case .run(let id, let work):
            pending += update(&state, .finished(id, EffectRunner.result(of: work, analysis: state.analysis)))
        case .cancel:
            break
        case let other:
            others.append(other)
        }
    }
    return others
}

extension AppState {
    /// A new state with its start-up jobs (the sidebar) done.
    static func settled(analysis: Analysis, width: Int, height: Int, annotator: String = "anonymous") -> AppState {
        var state = AppState(analysis: analysis, width: width, height: height, annotator: annotator)
        settle(&state, state.startEffects())
        return state
    }
}
