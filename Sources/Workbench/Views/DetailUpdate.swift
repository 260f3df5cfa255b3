import TerminalUI

/// Keys of the instance view: step through instances, scroll, tag, explain, what-if. Keys it
/// does not bind close it, as before it had keys of its own.
func handleDetailKey(_ state: inout AppState, _ detail: DetailState, _ key: Key) -> [Effect] {
    var detail = detail
    switch DetailKeymap.detail.command(for: key) {
    case .next?: detail = DetailState(row: min(detail.row + 1, state.rows.count - 1))
    case .previous?: detail = DetailState(row: max(detail.row - 1, 0))
    case .scrollDown?: detail.top += max(1, state.tablePageSize / 2)
    case .scrollUp?: detail.top = max(0, detail.top - max(1, state.tablePageSize / 2))
    case .tag?: return openPalette(&state)
    case .explain?: return openExplanation(&state, row: detail.row)
    case .attention?:
        guard let system = (state.systems + state.explainable.keys.sorted()).first(where: { state.canUseGradients($0) }),
              let input = state.analysis.dataset.inputs.first, detail.row < state.rows.count else {
            state.message = .init(text: "no model with attention explains this dataset's systems", isError: true)
            return []
        }
        return openAttention(&state, system: system, text: input.displayValue(state.rows[detail.row]), from: nil)
    case .whatIf?:
        guard let system = (state.systems + state.explainable.keys.sorted()).first(where: { state.explainable[$0] != nil }),
              let input = state.analysis.dataset.inputs.first, detail.row < state.rows.count else {
            state.message = .init(text: "no model can run this dataset's inputs again", isError: true)
            return []
        }
        let row = state.rows[detail.row]
        return openWhatIf(&state, system: system, text: input.displayValue(row), instance: state.analysis.dataset.ids[row])
    case .help?:
        state.overlay = .help(.detail, back: .detail(detail))
        return []
    case .quit?: return [.quit]
    case .close?, nil:
        state.overlay = nil
        return []
    }
    state.tableCursor = detail.row
    state.overlay = .detail(detail)
    clampCursors(&state)
    return []
}
