import ErrataCore
import TerminalUI

/// Keys of the instance view: step through instances and outputs, move the cursor in the
/// focused output, mark a span and tag it, scroll, explain, what-if. Keys it does not bind
/// close it.
func handleDetailKey(_ state: inout AppState, _ detail: DetailState, _ key: Key) -> [Effect] {
    var detail = detail
    let command = DetailKeymap.detail.command(for: key)
    switch command {
    case .next?, .previous?:
        detail.row = command == .next ? min(detail.row + 1, state.rows.count - 1) : max(detail.row - 1, 0)
        detail.top = 0
        detail.cursor = 0
        detail.anchor = nil
        detail.scrolled = false
    case .scrollDown?, .scrollUp?:
        let page = max(1, state.tablePageSize / 2)
        let top = shownTop(state, detail)
        detail.top = command == .scrollDown ? top + page : max(0, top - page)
        detail.scrolled = true
    case .nextOutput?, .previousOutput?:
        let systems = detailSystems(state)
        guard !systems.isEmpty else { break }
        let current = systems.firstIndex(of: detail.focusedSystem(state) ?? "") ?? 0
        detail.system = systems[(current + (command == .nextOutput ? 1 : systems.count - 1)) % systems.count]
        detail.cursor = 0
        detail.anchor = nil
        detail.scrolled = false
        detail.top = shownTop(state, detail)
    case .characterRight?, .characterLeft?, .wordRight?, .wordLeft?, .outputStart?, .outputEnd?:
        moveCursor(state, &detail, command!)
    case .extendRight?, .extendLeft?, .extendWordRight?, .extendWordLeft?:
        if detail.anchor == nil { detail.anchor = focusedOutput(state, detail).clamped(detail.cursor) }
        let motion: DetailCommand = switch command! {
        case .extendRight: .characterRight
        case .extendLeft: .characterLeft
        case .extendWordRight: .wordRight
        default: .wordLeft
        }
        moveCursor(state, &detail, motion)
    case .mark?:
        let output = focusedOutput(state, detail)
        if detail.anchor != nil {
            detail.anchor = nil
        } else if output.count == 0 {
            state.message = .init(text: "\(detail.focusedSystem(state) ?? "this system") has no output here to mark", isError: true)
        } else {
            detail.cursor = output.clamped(detail.cursor)
            detail.anchor = detail.cursor
        }
    case .annotators?:
        let names = state.tagging.spanAnnotators
        let next = detail.annotator.flatMap(names.firstIndex(of:)).map { $0 + 1 } ?? 0
        detail.annotator = next < names.count ? names[next] : nil
        state.message = .init(text: "spans of \(detail.annotator ?? "all annotators")" + (names.isEmpty ? " (no spans tagged yet)" : ""), isError: false)
    case .tagMarked? where detail.anchor == nil:
        state.overlay = nil
        return []
    case .tag?, .tagMarked?:
        let output = focusedOutput(state, detail)
        let span = detail.selection.map(output.clipped)
        guard let system = detail.focusedSystem(state) else { return openPalette(&state) }
        detail.anchor = nil
        state.overlay = .detail(detail)
        return openPalette(&state, output: (system, span))
    case .explain?: return openExplanation(&state, row: detail.row)
    case .attention?: return openAttention(&state, row: detail.row)
    case .whatIf?: return openWhatIf(&state, row: detail.row)
    case .help?:
        state.overlay = .help(.detail, back: .detail(detail))
        return []
    case .quit?: return [.quit]
    case .close?, nil:
        if command == .close, detail.anchor != nil {
            detail.anchor = nil
        } else {
            state.overlay = nil
            return []
        }
    }
    state.tableCursor = detail.row
    state.overlay = .detail(detail)
    clampCursors(&state)
    return []
}

/// The focused output's characters (empty when the system has no output for the row).
private func focusedOutput(_ state: AppState, _ detail: DetailState) -> OutputCursor {
    guard detail.row < state.rows.count, let name = detail.focusedSystem(state),
          let system = state.analysis.dataset.system(named: name) else { return OutputCursor("") }
    let row = state.rows[detail.row]
    return OutputCursor(system.hasOutput(row) ? system.output[row] : "")
}

/// Moves the cursor by a motion and scrolls to it.
private func moveCursor(_ state: AppState, _ detail: inout DetailState, _ motion: DetailCommand) {
    let output = focusedOutput(state, detail)
    let cursor = output.clamped(detail.cursor)
    detail.cursor = switch motion {
    case .characterRight: output.clamped(cursor + 1)
    case .characterLeft: output.clamped(cursor - 1)
    case .wordRight: output.wordEnd(after: cursor)
    case .wordLeft: output.wordStart(before: cursor)
    case .outputStart: 0
    default: output.last
    }
    detail.scrolled = false
    detail.top = shownTop(state, detail)
}

/// The body's height in the overlay (as `DetailView` lays it out: box, footer of two lines).
private func detailBody(_ state: AppState) -> (width: Int, height: Int) {
    let body = Layout(width: state.width, height: state.height).body
    let inner = (width: body.width - 4, height: body.height - 2)
    return (inner.width, inner.height - (inner.height >= 6 ? 2 : 0))
}

/// The first line the view shows for `detail` (it moves `detail.top` to show the cursor):
/// what scrolling starts from, and after a cursor move the new top.
private func shownTop(_ state: AppState, _ detail: DetailState) -> Int {
    let body = detailBody(state)
    return DetailLayout(state: state, detail: detail, width: body.width, scores: false)
        .top(from: detail.top, height: max(1, body.height), followingCursor: !detail.scrolled)
}
