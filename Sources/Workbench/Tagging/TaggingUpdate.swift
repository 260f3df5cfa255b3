import ErrataCore
import TerminalUI
import Typology

/// `t`: the palette for the instance under the cursor (in the table or the detail overlay)
/// and the judged system: the queue item's, else the first shown system.
func openPalette(_ state: inout AppState) -> [Effect] {
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
    if case .detail(let row)? = state.overlay { index = row } else { index = state.tableCursor }
    guard state.rows.indices.contains(index) else { return [] }
    let instance = state.analysis.dataset.ids[state.rows[index]]
    let queued = state.tagging.queue?.items.first { $0.instance == instance }
    let system = queued.map(\.system) ?? state.systems.first
    state.tagging.palette = TagPalette(instance: instance, system: system, existing: state.tagging.ownTag(instance: instance, system: system))
    return []
}

/// Keys while the palette is open: its own key table, category keys, or the field being typed.
func handlePaletteKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var palette = state.tagging.palette else { return [] }
    palette.error = nil
    switch palette.field {
    case .note:
        switch key {
        case .enter, .escape: palette.field = .none
        case .backspace, .delete: if !palette.note.isEmpty { palette.note.removeLast() }
        case .character(let c): palette.note.append(c)
        default: break
        }
    case .newCategory(var text):
        switch key {
        case .escape: palette.field = .none
        case .enter:
            if let path = CategoryPath(text) {
                if !palette.categories.contains(path) { palette.categories.append(path) }
                palette.field = .none
            } else {
                palette.error = "'\(text)' is not a category path (names separated by /, e.g. Fluency/Wordiness)"
            }
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
            palette.field = .newCategory(text)
        case .character(let c):
            palette.field = .newCategory(text + String(c))
        default: break
        }
    case .picker(var query, var cursor):
        let choices = palette.pickable(from: state.tagging.typology, query: query)
        switch key {
        case .escape: palette.field = .none
        case .enter:
            if choices.indices.contains(cursor) { palette.toggle(choices[cursor]) }
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, choices.count - 1), cursor + 1)
        case .backspace, .delete:
            if !query.isEmpty { query.removeLast() }
            cursor = 0
        case .character(let c):
            query.append(c)
            cursor = 0
        default: break
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

/// The store's answers. After each, the slice language sees the tags as they are now
/// (`tagged()`, `:by tags(bert)`): the filter in use is evaluated again with them.
func handleTagMessage(_ state: inout AppState, _ msg: TagMsg) -> [Effect] {
    let before = state.tagging.tags
    let effects = apply(&state, msg)
    guard state.tagging.tags != before else { return effects }
    state.analysis.tags = InstanceTags(state.tagging.tags)
    return effects + refreshTaggedFilter(&state)
}

private func apply(_ state: inout AppState, _ msg: TagMsg) -> [Effect] {
    switch msg {
    case .opened(let typology, let tags):
        state.tagging.store = .open
        state.tagging.load(typology: typology, tags: tags)
    case .unavailable(let reason):
        state.tagging.store = .failed(reason)
        state.message = .init(text: "tags unavailable: \(reason)", isError: true)
    case .saved(let stored, let typology):
        state.tagging.saving = max(0, state.tagging.saving - 1)
        state.tagging.load(typology: typology, tags: state.tagging.tags)
        state.tagging.record(stored)
        let names = stored.tag.categories.map(\.description).joined(separator: ", ")
        state.message = .init(text: "saved \(stored.tag.instance)\(stored.tag.system.map { " (\($0))" } ?? ""): \(names)", isError: false)
    case .saveFailed(let tag, let replacing, let reason):
        state.tagging.saving = max(0, state.tagging.saving - 1)
        state.message = .init(text: "not saved: \(reason)", isError: true)
        // Nothing is lost: the tag comes back in the palette, Enter tries again.
        if state.tagging.palette == nil {
            var palette = TagPalette(instance: tag.instance, system: tag.system, existing: StoredTag(id: replacing ?? 0, tag: tag))
            palette.replacing = replacing
            palette.error = "not saved: \(reason) · Enter retries, Esc discards"
            state.tagging.palette = palette
        }
    case .changed(let what, let typology, let tags):
        state.tagging.load(typology: typology, tags: tags)
        state.message = .init(text: what, isError: false)
    case .queue(let queue):
        state.tagging.queue = queue
        state.message = .init(text: "work queue \(queue.name): \(state.tagging.progress!) · w: next untagged", isError: false)
    case .failed(let reason):
        state.message = .init(text: reason, isError: true)
    }
    return []
}

/// `w`: the next instance without a tag of this annotator: the first untagged item of the
/// active queue, else the next such row of the current filter after the cursor (wrapping).
func moveToNextUntagged(_ state: inout AppState) -> [Effect] {
    let dataset = state.analysis.dataset
    var effects: [Effect] = []
    if let queue = state.tagging.queue, let progress = state.tagging.progress {
        guard let next = progress.nextUntagged(), let row = dataset.row(id: queue.items[next].instance) else {
            state.message = .init(text: "work queue \(queue.name): all \(queue.items.count) tagged", isError: false)
            return []
        }
        let item = queue.items[next]
        if !state.rows.contains(row) { effects = applyFilter(&state, nil) }
        guard let index = state.rows.firstIndex(of: row) else { return effects }
        state.tableCursor = index
        state.message = .init(text: "\(item.instance): next untagged of \(queue.name) · \(progress)", isError: false)
    } else {
        let rows = state.rows, tagging = state.tagging, start = state.tableCursor
        guard let index = (1 ... max(1, rows.count)).lazy.map({ (start + $0) % max(1, rows.count) })
            .first(where: { !rows.isEmpty && !tagging.isTagged(dataset.ids[rows[$0]]) }) else {
            state.message = .init(text: "every instance here is tagged by \(state.tagging.annotator)", isError: false)
            return []
        }
        state.tableCursor = index
    }
    state.focus = .table
    clampCursors(&state)
    return effects
}

/// The filter and the sidebar's slices evaluated again when they read tags, keeping the
/// cursor's place: under `not tagged()` a row just tagged leaves and the next one moves up.
private func refreshTaggedFilter(_ state: inout AppState) -> [Effect] {
    func readsTags(_ expression: String) -> Bool { expression.contains("tagged(") || expression.contains("tags(") }
    let saved = state.sidebar.filter { $0.kind == .saved }.compactMap(\.filter)
    if (state.groupings + saved).contains(where: readsTags) { state.sidebar = SidebarEntry.entries(for: state) }
    guard let filter = state.filter, readsTags(filter) else { return [] }
    let cursor = state.tableCursor, message = state.message
    let effects = applyFilter(&state, filter)
    state.tableCursor = cursor
    state.message = message
    clampCursors(&state)
    return effects
}
