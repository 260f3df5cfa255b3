import ErrataCore
import TerminalUI
import Typology

/// `t`: the palette for the instance under the cursor (in the table or the detail overlay)
/// and the judged system: `output`'s (the detail view's focused output, with the span marked
/// in it), else the queue item's, else the first shown system.
func openPalette(_ state: inout AppState, output: (system: String, span: TextSpan?)? = nil) -> [Effect] {
    switch state.tagging.store {
    case .opening:
        state.message = .init(text: "still reading the tags; try again in a moment", isError: true)
        return []
    case .failed(let reason):
        state.message = .init(text: "tags unavailable: \(reason)", isError: true)
        return []
    case .open:
        break
    }
    let index: Int
    if case .detail(let detail)? = state.overlay { index = detail.row } else { index = state.tableCursor }
    guard state.rows.indices.contains(index) else { return [] }
    let instance = state.analysis.dataset.ids[state.rows[index]]
    let queued = state.tagging.queue?.items.first { $0.instance == instance }
    let system = output?.system ?? queued.map(\.system) ?? state.systems.first
    let span = output?.span
    state.tagging.palette = TagPalette(instance: instance, system: system, span: span,
                                       existing: state.tagging.ownTag(instance: instance, system: system, span: span))
    return []
}

/// Keys while the palette is open: its own key table, category keys, or the field being typed.
func handlePaletteKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var palette = state.tagging.palette else { return [] }
    // Out of the state while it is edited, so a long note is not copied on every key; every
    // path below puts it back (or closes it).
    state.tagging.palette = nil
    palette.error = nil
    switch palette.field {
    case .note:
        switch key {
        case .enter, .escape: palette.field = .none
        default: _ = palette.noteField.handle(key)
        }
    case .newCategory(var field):
        switch key {
        case .escape: palette.field = .none
        case .enter:
            if let path = CategoryPath(field.text) {
                if !palette.categories.contains(path) { palette.categories.append(path) }
                palette.field = .none
            } else {
                palette.error = "'\(field.text)' is not a category path (names separated by /, e.g. Fluency/Wordiness)"
            }
        default:
            if field.handle(key) { palette.field = .newCategory(field) }
        }
    case .picker(var query, var cursor):
        let choices = palette.pickable(from: state.tagging.typology, query: query.text)
        switch key {
        case .escape: palette.field = .none
        case .enter:
            if choices.indices.contains(cursor) { palette.toggle(choices[cursor]) }
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, choices.count - 1), cursor + 1)
        default:
            // A new filter starts the choices from the top; moving within it does not.
            let before = query.text
            if query.handle(key), query.text != before { cursor = 0 }
        }
        if case .picker = palette.field { palette.field = .picker(query: query, cursor: cursor) }
    case .none:
        if palette.showsKeys {
            palette.showsKeys = false
        } else if let command = PaletteKeymap.palette.command(for: key) {
            return perform(&state, command, palette)
        } else if case .character(let c) = key, let entry = state.tagging.quickKeys.first(where: { $0.key == c }) {
            palette.toggle(entry.path)
        }
    }
    state.tagging.palette = palette
    return []
}

/// Runs a palette command on `palette` (the state's palette is replaced by the result).
private func perform(_ state: inout AppState, _ command: PaletteCommand, _ palette: TagPalette) -> [Effect] {
    var palette = palette
    var closes = false
    defer { state.tagging.palette = closes ? nil : palette }
    switch command {
    case .save:
        guard !palette.categories.isEmpty else {
            palette.error = "choose a category first (Esc closes without saving)"
            return []
        }
        let tag = palette.tag(annotator: state.tagging.annotator)
        state.tagging.saving += 1
        state.message = .init(text: "saving the tag of \(tag.instance)…", isError: false)
        closes = true
        return [.tagging(.save(tag, replacing: palette.replacing))]
    case .cancel:
        closes = true
    case .pick:
        palette.field = .picker(query: "", cursor: 0)
    case .newCategory:
        palette.field = .newCategory("")
    case .nextSystem:
        guard palette.span == nil else {
            palette.error = "the marked span is in \(palette.system ?? "one system")'s output: the tag stays on it"
            return []
        }
        let choices: [String?] = state.systems.map { $0 } + [nil]
        let next = choices[((choices.firstIndex(of: palette.system) ?? -1) + 1) % choices.count]
        let existing = state.tagging.ownTag(instance: palette.instance, system: next)
        if palette.categories.isEmpty, let existing {
            palette = TagPalette(instance: palette.instance, system: next, existing: existing)
        } else {
            palette.system = next
            palette.replacing = existing?.id
        }
    case .nextSeverity:
        let levels: [String?] = state.tagging.typology.severities.map { $0 } + [nil]
        guard levels.count > 1 else {
            palette.error = "the typology '\(state.tagging.typology.name)' has no severities"
            return []
        }
        palette.severity = levels[((levels.firstIndex(of: palette.severity) ?? -1) + 1) % levels.count]
    case .editNote:
        palette.field = .note
    case .deleteTag:
        guard let id = palette.replacing else {
            palette.error = "nothing to delete: this instance has no tag of yours for this system"
            return []
        }
        state.message = .init(text: "deleting the tag of \(palette.instance)…", isError: false)
        closes = true
        return [.tagging(.delete(id))]
    case .showKeys:
        palette.showsKeys = true
    }
    return []
}
