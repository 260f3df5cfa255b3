import Foundation
import ErrataCore
import TerminalUI

/// Typing on the `:` command line or in a `/` search, and running what was typed.
func handleInput(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var input = state.input else { return [] }
    // Out of the state while it is edited, so the field's storage is not copied on every key
    // (a 30,000-character paste was quadratic); put back below unless the line closes.
    state.input = nil
    switch key {
    case .escape:
        return []
    case .enter:
        let text = input.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return [] }
        if state.history.last != text { state.history.append(text) }
        return input.kind == .command ? runCommand(&state, text) : runSearch(&state, text)
    case .backspace where input.field.isEmpty, .delete where input.field.isEmpty:
        return []
    case .tab:
        // Completes a command's name; elsewhere a space (a search, an argument).
        if input.kind == .command, !input.text.contains(" ") {
            input.text = completeCommand(&state, input.text)
        } else {
            input.field.insert(" ")
        }
    default:
        _ = input.field.handle(key, history: state.history)
    }
    state.input = input
    return []
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
