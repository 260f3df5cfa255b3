import BitCollections
import ErrataCore
import TerminalUI

/// The workbench's only state transition: a message in, the new state and effects out.
///
/// Pure: it reads the dataset only for the rows and cells on screen and touches no file.
/// Whatever passes over the data (filters, sorts, metrics, groupings, comparisons, tallies)
/// or reads or writes a file is returned as a job or an effect, whose result comes back as
/// a message (see `Job`).
public func update(_ state: inout AppState, _ msg: Msg, keymap: Keymap = .standard) -> [Effect] {
    switch msg {
    case .event(.resize(let width, let height)):
        state.width = width
        state.height = height
        clampCursors(&state)
        return []
    case .event(.mouse(let mouse)):
        return handleMouse(&state, mouse)
    case .event(.key(let key)):
        return handleKey(&state, key, keymap: keymap)
    case .finished(let id, let result):
        guard let job = state.finish(id) else { return [] }  // cancelled or superseded
        return apply(result, of: job, to: &state)
    case .progress(let id, let progress):
        guard let index = state.jobs.firstIndex(where: { $0.id == id }) else { return [] }
        switch progress {
        case .fraction(let fraction): state.jobs[index].progress = fraction
        case .explanation(let partial):
            if case .explain(_, let pane) = state.jobs[index].work { applyExplanation(&state, pane: pane, partial, final: false) }
        }
        return []
    case .tagging(let answer):
        return handleTagMessage(&state, answer)
    }
}

private func handleKey(_ state: inout AppState, _ key: Key, keymap: Keymap) -> [Effect] {
    if state.input != nil { return handleInput(&state, key) }
    if state.tagging.palette != nil { return handlePaletteKey(&state, key) }
    switch state.overlay {
    case .help(_, let back)?:
        state.overlay = back
        return []
    case .detail(let detail)?:
        return handleDetailKey(&state, detail, key)
    case .explain(let explain)?:
        return handleExplainKey(&state, explain, key)
    case .attention(let attention)?:
        return handleAttentionKey(&state, attention, key)
    case .whatIf(let whatIf)?:
        return handleWhatIfKey(&state, whatIf, key)
    case .systems(let picker)?:
        return handlePickerKey(&state, picker, key)
    case .compare(var view)?:
        let command = ReportKeymap.report.command(for: key)
        if let top = command?.scrolled(view.top, lines: view.lines, page: max(1, state.tablePageSize / 2)) {
            view.top = top
            state.overlay = .compare(view)
        } else if command == .quit {
            return [.quit]
        } else if command == .switchPage {
            return toggleComparePage(&state, view)
        } else if command == .help {
            state.overlay = .help(.report, back: .compare(view))
        } else {
            state.overlay = nil
            return state.cancelJobs(.compare) + state.cancelJobs(.rank)
        }
        return []
    case .metaEvaluation(var view)?:
        let command = ReportKeymap.report.command(for: key)
        if let top = command?.scrolled(view.top, lines: view.result?.rows.count ?? 0, page: state.tablePageSize) {
            view.top = top
            state.overlay = .metaEvaluation(view)
        } else if command == .quit {
            return [.quit]
        } else if command == .help {
            state.overlay = .help(.report, back: .metaEvaluation(view))
        } else {
            state.overlay = nil
            return state.cancelJobs(.metaEvaluate)
        }
        return []
    case .tallies(var view)?:
        let command = ReportKeymap.report.command(for: key)
        if let top = command?.scrolled(view.top, lines: talliesLines(view.tallies).count, page: state.tablePageSize) {
            view.top = top
            state.overlay = .tallies(view)
        } else if command == .quit {
            return [.quit]
        } else if command == .help {
            state.overlay = .help(.report, back: .tallies(view))
        } else {
            state.overlay = nil
        }
        return []
    case nil:
        break
    }
    state.message = nil
    guard let command = keymap.command(for: key) else { return [] }
    return perform(&state, command)
}

/// Runs a named command in the normal mode.
func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    let page = state.focus == .table ? state.tablePageSize : state.sidebarPageSize
    switch command {
    case .moveDown: move(&state, by: 1)
    case .moveUp: move(&state, by: -1)
    case .pageDown: move(&state, by: page)
    case .pageUp: move(&state, by: -page)
    case .moveToFirst: move(&state, by: -Int.max / 2)
    case .moveToLast: move(&state, by: Int.max / 2)
    case .focusNext, .focusPrevious:
        if Layout(width: state.width, height: state.height).sidebar.width > 0 {
            state.focus = state.focus == .table ? .sidebar : .table
        }
    case .open:
        if state.focus == .sidebar {
            let entry = state.sidebar[state.sidebarCursor]
            if entry.kind != .header { return applyFilter(&state, entry.filter) }
        } else if !state.rows.isEmpty {
            state.overlay = .detail(DetailState(row: state.tableCursor))
        }
    case .narrow:
        // Zeno's way of combining histogram bars: the selected slice AND the current filter.
        guard state.focus == .sidebar, let filter = state.sidebar[state.sidebarCursor].filter else { return [] }
        guard let current = state.filter, current != filter else { return applyFilter(&state, filter) }
        let combined = "(\(current)) and (\(filter))"
        return applyFilter(&state, (try? SliceExpression.parse(combined))?.description ?? combined)
    case .close:
        if let job = state.jobs.last {
            _ = state.finish(job.id)
            state.message = .init(text: "cancelled: \(job.label)", isError: false)
            return [.cancel([job.id])]
        } else if state.filter != nil {
            return applyFilter(&state, nil)
        }
    case .showHelp: state.overlay = .help(.browse, back: nil)
    case .showCompare:
        guard state.systems.count >= 2 else {
            state.message = .init(text: "compare needs two systems; this dataset has \(state.analysis.dataset.systems.count)", isError: true)
            return []
        }
        state.overlay = .compare(CompareState(page: .slices))
        return startComparison(&state)
    case .showRanking: return openRanking(&state)
    case .scrollRight: scrollColumns(&state, by: 1)
    case .scrollLeft: scrollColumns(&state, by: -1)
    case .pickSystems: return openPicker(&state)
    case .sortByDifference: return sortByNextDifference(&state)
    case .beginCommand: state.input = .init(kind: .command)
    case .beginSearch: state.input = .init(kind: .search)
    case .nextMatch: jumpToMatch(&state, forward: true)
    case .previousMatch: jumpToMatch(&state, forward: false)
    case .sortByColumn:
        let columns = TableColumn.columns(for: state).filter(\.isSortable)
        let next = state.sort.flatMap { current in columns.firstIndex(of: current.column).map { ($0 + 1) % columns.count } } ?? 0
        let column = columns[next]
        return sortEffect(&state, .init(column: column, descending: column.isNumeric && state.analysis.higherIsBetter(metric: state.metric)))
    case .reverseSort:
        guard var sort = state.sort else { return [] }
        sort.descending.toggle()
        return sortEffect(&state, sort)
    case .nextMetric:
        let names = state.analysis.metricNames
        if let i = names.firstIndex(of: state.metric) { return setMetric(&state, names[(i + 1) % names.count]) }
    case .tag:
        guard state.focus == .table else {
            state.message = .init(text: "t tags a row of the table: Tab moves there", isError: true)
            return []
        }
        return openPalette(&state)
    case .nextUntagged: return moveToNextUntagged(&state)
    case .showTallies: return computeTallies(&state)
    case .undo:
        state.message = .init(text: "undoing…", isError: false)
        return [.tagging(.undo)]
    case .redo:
        state.message = .init(text: "redoing…", isError: false)
        return [.tagging(.redo)]
    case .saveSuggestion:
        let entry = state.sidebar.indices.contains(state.sidebarCursor) ? state.sidebar[state.sidebarCursor] : nil
        guard state.focus == .sidebar, let entry, entry.kind == .suggestion, let filter = entry.filter else {
            state.message = .init(text: "S saves a suggested slice: move to one in the sidebar first", isError: true)
            return []
        }
        let name = entry.label.replacingOccurrences(of: " (n.s.)", with: "")
        return state.start(.saveSlice(name: name, filter: filter), label: "saving slice \(name)…")
    case .quit:
        // No confirmation: every change (saved slices, tags) is written when it is made, and
        // the run loop lets writes in flight finish.
        return [.quit]
    }
    return []
}

private func move(_ state: inout AppState, by delta: Int) {
    if state.focus == .table {
        state.tableCursor = max(0, min(state.rows.count - 1, state.tableCursor.addingReportingOverflow(delta).partialValue))
    } else {
        var cursor = max(0, min(state.sidebar.count - 1, state.sidebarCursor.addingReportingOverflow(delta).partialValue))
        // Headers are not selectable: step over them in the direction of travel.
        while cursor < state.sidebar.count, state.sidebar[cursor].kind == .header {
            cursor += delta < 0 && cursor > 0 ? -1 : 1
        }
        state.sidebarCursor = min(cursor, state.sidebar.count - 1)
    }
    clampCursors(&state)
}

/// Keeps cursors inside their lists and on screen.
func clampCursors(_ state: inout AppState) {
    state.tableCursor = max(0, min(state.tableCursor, state.rows.count - 1))
    let page = state.tablePageSize
    if state.tableCursor < state.tableTop { state.tableTop = state.tableCursor }
    if state.tableCursor >= state.tableTop + page { state.tableTop = state.tableCursor - page + 1 }
    state.tableTop = max(0, min(state.tableTop, max(0, state.rows.count - page)))
    state.sidebarCursor = max(0, min(state.sidebarCursor, state.sidebar.count - 1))
    let sidePage = state.sidebarPageSize
    if state.sidebarCursor < state.sidebarTop { state.sidebarTop = state.sidebarCursor }
    if state.sidebarCursor >= state.sidebarTop + sidePage { state.sidebarTop = state.sidebarCursor - sidePage + 1 }
}

/// Shows the instances matching `filter` (all when nil), keeping the sort order. A syntax
/// error is reported at once; the rows are computed by a job (a pass over the data, and a
/// regular expression can take long: Esc cancels it).
func applyFilter(_ state: inout AppState, _ filter: String?, cursor: FilterRequest.Cursor = .top, announcement: String? = nil) -> [Effect] {
    if let filter, let error = syntaxError(filter) {
        state.message = .init(text: error, isError: true)
        return []
    }
    let request = FilterRequest(expression: filter, tags: state.sliceAnnotations, sort: state.sort, metric: state.metric, cursor: cursor,
                                announcement: announcement)
    return state.start(.filter(request), label: "evaluating " + (filter ?? "all instances") + "…")
}

/// A filter's rows are in: show them.
func showFiltered(_ state: inout AppState, _ request: FilterRequest, rows: [Int]) {
    state.filter = request.expression
    state.rows = rows
    state.matches = []
    switch request.cursor {
    case .top:
        state.tableCursor = 0
        state.tableTop = 0
        state.message = .init(text: request.announcement ?? "\(rows.count) of \(state.analysis.dataset.count) instances"
            + (request.expression.map { ": \($0)" } ?? ""), isError: false)
    case .keep(let position):
        state.tableCursor = position
    case .row(let row):
        state.tableCursor = rows.firstIndex(of: row) ?? 0
    }
    clampCursors(&state)
}

private func sortEffect(_ state: inout AppState, _ sort: AppState.Sort) -> [Effect] {
    state.start(.sort(rows: state.rows, by: sort, metric: state.metric), label: "sorting \(state.rows.count) rows…")
}

/// Switches the metric once its values are computed (a job): until then the table and the
/// sidebar keep showing the current one.
func setMetric(_ state: inout AppState, _ name: String) -> [Effect] {
    guard state.analysis.metricNames.contains(name) else {
        let error = UnknownMetric(name: name, available: state.analysis.metricNames)
        state.message = .init(text: error.description, isError: true)
        return []
    }
    return state.start(.sidebar(state.sidebarRequest(metric: name)), label: "computing \(name)…")
}

/// The result of a finished job, applied to the state.
private func apply(_ result: JobResult, of job: Job, to state: inout AppState) -> [Effect] {
    switch result {
    case .filtered(let request, let rows):
        showFiltered(&state, request, rows: rows)
    case .sorted(let rows, let sort):
        state.rows = rows
        state.sort = sort
        clampCursors(&state)
    case .sidebar(let request, let entries, let edits):
        state.keptEdits = edits
        let metricChanged = request.metric != state.metric
        let groupingAdded = request.groupings.count > state.groupings.count
        state.metric = request.metric
        state.systems = request.systems
        state.groupings = request.groupings
        state.sidebar = entries + state.sidebar.filter(\.suggested)
        clampCursors(&state)
        if metricChanged { state.message = .init(text: "metric: \(request.metric)", isError: false) }
        if groupingAdded, let grouping = request.groupings.last {
            let slices = entries.reversed().prefix { $0.kind == .group }.count
            state.message = .init(text: "\(slices) slices by \(grouping)", isError: false)
        }
        if metricChanged, let sort = state.sort, sort.column.isNumeric { return sortEffect(&state, sort) }
    case .metaEvaluated(let result):
        state.updateOverlay { overlay in
            guard case .metaEvaluation(var view) = overlay else { return overlay }
            view.result = result
            return .metaEvaluation(view)
        }
    case .compared(let comparison):
        state.updateOverlay { overlay in
            guard case .compare(var view) = overlay else { return overlay }
            view.comparison = comparison
            return .compare(view)
        }
    case .tallies(let tallies):
        state.overlay = .tallies(TalliesState(tallies: tallies))
    case .saved(let name, let path):
        state.message = .init(text: "saved slice '\(name)' in \(path)", isError: false)
        return state.start(.sidebar(state.sidebarRequest()), label: "updating the slices…")
    case .explained(let explanation, let cached):
        if case .explain(_, let pane) = job.work { applyExplanation(&state, pane: pane, explanation, final: true, cached: cached) }
    case .attention(let grids):
        state.updateOverlay { overlay in
            guard case .attention(var view) = overlay else { return overlay }
            view.grids = grids
            view.layer = grids.layers - 1
            return .attention(view)
        }
    case .predicted(let text, let prediction):
        applyPrediction(&state, text: text, prediction)
    case .headImportance(let request, let scores):
        state.updateOverlay { overlay in
            guard case .attention(var view) = overlay else { return overlay }
            view.importance = HeadImportanceState(scope: request.scope, instances: request.texts.count, scores: scores)
            return .attention(view)
        }
    case .faithfulness(let scores):
        if case .faithfulness(_, _, let pane) = job.work { applyFaithfulness(&state, pane: pane, scores) }
    case .discovered(let request, let report):
        state.sidebar = state.sidebar.filter { !$0.suggested }
            + SidebarEntry.suggestions(report, system: request.system + (request.versus.map { " against \($0)" } ?? ""))
        clampCursors(&state)
    case .explainable(let systems):
        state.explainable = systems
        return openDeferredModelView(&state)
    case .ranked(let ranking):
        state.updateOverlay { overlay in
            guard case .compare(var view) = overlay else { return overlay }
            view.ranking = ranking
            return .compare(view)
        }
    case .systemChoice(let names):
        return restoreSystems(&state, names)
    case .rememberedSystems:
        break
    case .kept(let counterfactual, let path):
        let flip = counterfactual.flipped ? "flipped \(counterfactual.before.label) → \(counterfactual.after.label)" : "kept \(counterfactual.after.label)"
        state.message = .init(text: "kept the edit (\(flip)) in \(path)", isError: false)
        return state.start(.sidebar(state.sidebarRequest()), label: "updating the slices…")
    case .failed(let text):
        switch job.work {
        case .explain(_, let pane): failExplanation(&state, pane: pane, text)
        case .attention, .headImportance:
            state.updateOverlay { overlay in
                guard case .attention(var view) = overlay else { return overlay }
                view.error = text
                return .attention(view)
            }
        case .predict:
            state.updateOverlay { overlay in
                guard case .whatIf(var view) = overlay else { return overlay }
                view.error = text
                return .whatIf(view)
            }
        case .explainableSystems: state.deferredModelView = nil  // the message says why nothing opens
        default: break
        }
        state.message = .init(text: text, isError: true)
    }
    return []
}

private func jumpToMatch(_ state: inout AppState, forward: Bool) {
    guard !state.matches.isEmpty else {
        state.message = .init(text: state.search == nil ? "no search: press / to search" : "no matches for '\(state.search!)'", isError: true)
        return
    }
    let next = forward ? state.matches.first { $0 > state.tableCursor } ?? state.matches[0]
        : state.matches.last { $0 < state.tableCursor } ?? state.matches[state.matches.count - 1]
    state.tableCursor = next
    let index = state.matches.firstIndex(of: next)! + 1
    state.message = .init(text: "match \(index) of \(state.matches.count) for '\(state.search ?? "")'", isError: false)
    clampCursors(&state)
}

private func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
    guard state.overlay == nil, state.input == nil, state.tagging.palette == nil else { return [] }
    let layout = Layout(width: state.width, height: state.height)
    switch mouse.kind {
    case .wheelDown: move(&state, by: 3)
    case .wheelUp: move(&state, by: -3)
    case .press:
        if mouse.x < layout.table.x, mouse.y > layout.sidebar.y, mouse.y < layout.sidebar.y + layout.sidebar.height - 1 {
            state.focus = .sidebar
            let index = state.sidebarTop + mouse.y - layout.sidebar.y - 1
            if index < state.sidebar.count, state.sidebar[index].kind != .header {
                state.sidebarCursor = index
                return applyFilter(&state, state.sidebar[index].filter)
            }
        } else if mouse.y >= layout.table.y + 2, mouse.y < layout.table.y + layout.table.height {
            state.focus = .table
            state.tableCursor = state.tableTop + mouse.y - layout.table.y - 2
            clampCursors(&state)
        }
    default: break
    }
    return []
}
