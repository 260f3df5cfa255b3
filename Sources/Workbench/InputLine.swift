import Foundation
import ErrataCore
import TerminalUI

/// Typing on the `:` command line or in a `/` search, and running what was typed.
func handleInput(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var input = state.input else { return [] }
    switch key {
    case .escape:
        state.input = nil
        return []
    case .enter:
        state.input = nil
        let text = input.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return [] }
        if state.history.last != text { state.history.append(text) }
        return input.kind == .command ? runCommand(&state, text) : runSearch(&state, text)
    case .backspace, .delete:
        if input.text.isEmpty { state.input = nil; return [] }
        input.text.removeLast()
    case .up, .down:
        guard !state.history.isEmpty else { return [] }
        let last = state.history.count - 1
        let index = key == .up ? max(0, (input.historyIndex ?? state.history.count) - 1) : min(last, (input.historyIndex ?? last) + 1)
        input.historyIndex = index
        input.text = state.history[index]
    case .character(let c):
        input.text.append(c)
    case .tab:
        input.text.append(" ")
    default:
        return []
    }
    state.input = input
    return []
}

/// `:slice EXPR`, `:clear`, `:save NAME`, `:sort COLUMN [asc|desc]`, `:metric NAME`,
/// `:by EXPR`, `:systems A,B`, `:N` (jump to row N), `:help`, `:q`.
func runCommand(_ state: inout AppState, _ text: String) -> [Effect] {
    let (verb, argument) = splitVerb(text)
    if let row = Int(verb) {
        guard (1 ... max(1, state.rows.count)).contains(row), !state.rows.isEmpty else {
            state.message = .init(text: "no row \(row): the table has \(state.rows.count)", isError: true)
            return []
        }
        state.focus = .table
        state.tableCursor = row - 1
        clampCursors(&state)
        return []
    }
    switch verb {
    case "slice", "where", "filter":
        guard !argument.isEmpty else { return usage(&state, "slice EXPRESSION") }
        return applyFilter(&state, argument)
    case "clear", "all":
        return applyFilter(&state, nil)
    case "save":
        guard !argument.isEmpty else { return usage(&state, "save NAME") }
        guard let filter = state.filter else {
            state.message = .init(text: "nothing to save: filter first with :slice EXPRESSION", isError: true)
            return []
        }
        return [.saveSlice(name: argument, filter: filter)]
    case "sort":
        let parts = commandWords(argument)
        let columns = TableColumn.columns(for: state).filter(\.isSortable)
        let labelName = state.analysis.dataset.label?.name ?? "label"
        guard let name = parts.first, let column = columns.first(where: { $0.title(metric: state.metric, labelName: labelName) == name || $0.sortName == name }) else {
            let names = columns.map(\.sortName).joined(separator: ", ")
            state.message = .init(text: "sort by one of: \(names)", isError: true)
            return []
        }
        let descending = parts.count > 1 ? parts[1] == "desc" : column.isNumeric && state.analysis.higherIsBetter(metric: state.metric)
        state.busy = "sorting \(state.rows.count) rows…"
        return [.sort(rows: state.rows, by: .init(column: column, descending: descending))]
    case "metric":
        guard !argument.isEmpty else { return usage(&state, "metric NAME (\(state.analysis.metricNames.joined(separator: ", ")))") }
        return setMetric(&state, argument)
    case "by", "group":
        guard !argument.isEmpty else { return usage(&state, "by EXPRESSION") }
        do {
            let groups = try state.analysis.valueGroups(of: argument, within: .all(state.analysis.dataset.count)).groups
            state.groupings.append(argument)
            state.sidebar = SidebarEntry.entries(for: state)
            state.message = .init(text: "\(groups.count) slices by \(argument)", isError: false)
        } catch let error as SliceError {
            state.message = .init(text: "column \(error.column): \(error.message)", isError: true)
        } catch {
            state.message = .init(text: "\(error)", isError: true)
        }
        return []
    case "systems":
        let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let known = state.analysis.dataset.systems.map(\.name)
        if let unknown = names.first(where: { !known.contains($0) }) {
            state.message = .init(text: "unknown system '\(unknown)' (systems: \(known.joined(separator: ", ")))", isError: true)
            return []
        }
        guard !names.isEmpty else { return usage(&state, "systems A,B") }
        state.systems = names
        state.sidebar = SidebarEntry.entries(for: state)
        state.sort = nil
        return []
    case "help":
        state.overlay = .help
        return []
    case "q", "quit":
        return [.quit]
    default:
        if let effects = runTagCommand(&state, verb, argument) { return effects }
        state.message = .init(text: "unknown command ':\(verb)': slice, clear, save, sort, metric, by, systems, a row number, "
            + "sample, queue, disagreements, tallies, rename, merge, move, undo, redo, help, q", isError: true)
        return []
    }
}

private func usage(_ state: inout AppState, _ text: String) -> [Effect] {
    state.message = .init(text: "usage: :\(text)", isError: true)
    return []
}

private func splitVerb(_ text: String) -> (String, String) {
    guard let space = text.firstIndex(of: " ") else { return (text, "") }
    return (String(text[..<space]), text[space...].trimmingCharacters(in: .whitespaces))
}

/// Finds the rows (in table order) whose id, input, label or shown outputs contain `query`,
/// ignoring case, and moves to the first one at or after the cursor.
func runSearch(_ state: inout AppState, _ query: String) -> [Effect] {
    let dataset = state.analysis.dataset
    let needle = query.lowercased()
    let systems = state.systems.compactMap { dataset.system(named: $0) }
    state.search = query
    state.matches = state.rows.indices.filter { index in
        let row = state.rows[index]
        if dataset.ids[row].lowercased().contains(needle) { return true }
        if let input = dataset.inputs.first, input.displayValue(row).lowercased().contains(needle) { return true }
        if let label = dataset.label, label.displayValue(row).lowercased().contains(needle) { return true }
        return systems.contains { $0.output[row].lowercased().contains(needle) }
    }
    guard let first = state.matches.first(where: { $0 >= state.tableCursor }) ?? state.matches.first else {
        state.message = .init(text: "no matches for '\(query)'", isError: true)
        return []
    }
    state.focus = .table
    state.tableCursor = first
    state.message = .init(text: "match \(state.matches.firstIndex(of: first)! + 1) of \(state.matches.count) for '\(query)' (n / N)", isError: false)
    clampCursors(&state)
    return []
}

extension TableColumn {
    /// The name `:sort` accepts: `id`, an input's or the label's column name, a system name,
    /// `metric(system)`, or `delta`.
    var sortName: String {
        switch self {
        case .id: "id"
        case .tags: "tags"
        case .input(let name): name
        case .label: "label"
        case .output(let system): system
        case .score(let system): "metric(\(system))"
        case .difference: "delta"
        }
    }
}

/// The words of a `:` command's argument, separated by spaces; double quotes keep spaces
/// inside one word (`:sort "chrf(LIUM-NMT)"`, `:rename "Locale convention" Locale`).
func commandWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for c in text {
        if c == "\"" {
            quoted.toggle()
            started = true
        } else if c == " ", !quoted {
            if started { words.append(current) }
            current = ""
            started = false
        } else {
            current.append(c)
            started = true
        }
    }
    if started { words.append(current) }
    return words
}
