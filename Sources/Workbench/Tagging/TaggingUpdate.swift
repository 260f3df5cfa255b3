import ErrataCore
import Typology

/// The store's answers. After each, the slice language sees the tags as they are now
/// (`tagged()`, `:by tags(bert)`): the filter in use is evaluated again with them.
func handleTagMessage(_ state: inout AppState, _ msg: TagMsg) -> [Effect] {
    let before = state.tagging.tags
    let effects = apply(&state, msg)
    guard state.tagging.tags != before else { return effects }
    return effects + refreshTaggedFilter(&state)
}

private func apply(_ state: inout AppState, _ msg: TagMsg) -> [Effect] {
    switch msg {
    case .opened(let typology, let tags, let queue):
        state.tagging.store = .open
        state.tagging.load(typology: typology, tags: tags)
        if let queue {
            state.tagging.queue = queue
            state.message = .init(text: "resumed work queue \(queue.name): \(state.tagging.progress!) · w: next untagged", isError: false)
        }
    case .unavailable(let reason):
        state.tagging.store = .failed(reason)
        state.message = .init(text: "tags unavailable: \(reason)", isError: true)
    case .saved(let stored, let typology):
        state.tagging.saving = max(0, state.tagging.saving - 1)
        state.tagging.load(typology: typology, tags: state.tagging.tags)
        state.tagging.record(stored)
        let names = stored.tag.categories.map(\.description).joined(separator: ", ")
        let place = stored.tag.system.map { " (\($0)\(stored.tag.span.map { " \(spanLabel($0))" } ?? ""))" } ?? ""
        state.message = .init(text: "saved \(stored.tag.instance)\(place): \(names)", isError: false)
    case .saveFailed(let tag, let replacing, let reason):
        state.tagging.saving = max(0, state.tagging.saving - 1)
        state.message = .init(text: "not saved: \(reason)", isError: true)
        // Nothing is lost: the tag comes back in the palette, Enter tries again.
        if state.tagging.palette == nil {
            var palette = TagPalette(instance: tag.instance, system: tag.system, span: tag.span, existing: StoredTag(id: replacing ?? 0, tag: tag))
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
        if let index = state.rows.firstIndex(of: row) {
            state.tableCursor = index
        } else {
            // Outside the filter: show all instances, then the row.
            effects = applyFilter(&state, nil, cursor: .row(row))
        }
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
    var effects: [Effect] = []
    if (state.groupings + saved).contains(where: readsTags) {
        effects += state.start(.sidebar(state.sidebarRequest()), label: "counting the slices again…")
    }
    guard let filter = state.filter, readsTags(filter) else { return effects }
    return effects + applyFilter(&state, filter, cursor: .keep(state.tableCursor))
}
