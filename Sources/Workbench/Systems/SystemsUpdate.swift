import ErrataCore
import TerminalUI

/// A key in the systems overlay: moves, toggles and reorders there; Enter applies.
func handlePickerKey(_ state: inout AppState, _ picker: SystemPicker, _ key: Key) -> [Effect] {
    guard let command = PickerKeymap.picker.command(for: key) else { return [] }
    var picker = picker
    switch command {
    case .cancel:
        state.overlay = nil
        return []
    case .apply:
        guard !picker.chosen.isEmpty else {
            picker.error = "choose at least one system (Space)"
            state.overlay = .systems(picker)
            return []
        }
        state.overlay = nil
        return chooseSystems(&state, picker.choice)
    default:
        picker.perform(command, page: pickerPage(state))
        state.overlay = .systems(picker)
        return []
    }
}

/// Lines of the systems overlay's list at the current size.
func pickerPage(_ state: AppState) -> Int {
    max(1, Layout(width: state.width, height: state.height).body.height - 6)
}

/// Opens the systems overlay on the systems shown now.
func openPicker(_ state: inout AppState) -> [Effect] {
    let all = state.analysis.dataset.systems.map(\.name)
    guard !all.isEmpty else {
        state.message = .init(text: "this dataset has no systems", isError: true)
        return []
    }
    state.overlay = .systems(SystemPicker(all: all, chosen: state.systems))
    return []
}

/// Shows `names` in the table, in order (a sidebar job computes their values), and remembers
/// the choice for the dataset (a save job writes `.errata/<dataset>/systems.json`).
func chooseSystems(_ state: inout AppState, _ names: [String]) -> [Effect] {
    state.sort = nil
    state.tableColumnLeft = 0
    let label = names.count > 3 ? "\(names.count) systems" : names.joined(separator: ", ")
    return state.start(.sidebar(state.sidebarRequest(systems: names)), label: "computing \(state.metric) for \(label)…")
        + state.start(.saveSystemChoice(names), label: "remembering the systems…")
}

/// The remembered systems are in: shown when they differ from the default, and with another
/// baseline the sidebar's suggestions are searched for it instead.
func restoreSystems(_ state: inout AppState, _ names: [String]?) -> [Effect] {
    guard let names, names != state.systems else { return [] }
    let discovery = names[0] != state.systems.first ? state.startDiscovery(DiscoveryRequest(system: names[0])) : []
    return state.start(.sidebar(state.sidebarRequest(systems: names)), label: "computing \(state.metric) for the systems shown last time…")
        + discovery
}

/// Scrolls the table's columns after the frozen ones by `delta`, keeping one in view.
func scrollColumns(_ state: inout AppState, by delta: Int) {
    let count = TableColumn.scrollable(for: state).count
    state.tableColumnLeft = max(0, min(count - 1, state.tableColumnLeft + delta))
}

/// Sorts by the next shown system minus the baseline (`d`): the second, the third, …, round
/// again; the biggest improvement over the baseline first, in the metric's direction.
func sortByNextDifference(_ state: inout AppState) -> [Effect] {
    guard state.systems.count >= 2 else {
        state.message = .init(text: "a difference needs two systems: p picks them", isError: true)
        return []
    }
    let baseline = state.systems[0]
    var next = 1
    if case .difference(let a, let b)? = state.sort?.column, a == baseline, let k = state.systems.firstIndex(of: b) {
        next = k % (state.systems.count - 1) + 1
    }
    return sortByDifference(&state, baseline, state.systems[next], descending: nil)
}

/// Sorts the rows by `second` minus `first` on the metric; `descending` nil: improvements first.
func sortByDifference(_ state: inout AppState, _ first: String, _ second: String, descending: Bool?) -> [Effect] {
    let known = state.analysis.dataset.systems.map(\.name)
    if let unknown = [first, second].first(where: { !known.contains($0) }) {
        state.message = .init(text: "unknown system '\(unknown)' (systems: \(known.joined(separator: ", ")))", isError: true)
        return []
    }
    let sort = AppState.Sort(column: .difference(first, second), descending: descending ?? state.analysis.higherIsBetter(metric: state.metric))
    return state.start(.sort(rows: state.rows, by: sort, metric: state.metric), label: "sorting \(state.rows.count) rows by \(second) − \(first)…")
}

/// Opens the compare view on its ranking page, ranking every system on the filter's instances.
func openRanking(_ state: inout AppState) -> [Effect] {
    let count = state.analysis.dataset.systems.count
    guard count > 0 else {
        state.message = .init(text: "this dataset has no systems to rank", isError: true)
        return []
    }
    state.overlay = .compare(CompareState(page: .ranking))
    return startRanking(&state)
}

private func startRanking(_ state: inout AppState) -> [Effect] {
    let request = RankRequest(filter: state.filter, metric: state.metric, baseline: state.systems.first, tags: state.sliceAnnotations)
    return state.start(.rank(request), label: "ranking \(state.analysis.dataset.systems.count) systems by \(state.metric)…")
}

/// Tab in the compare view: the other page, computed when it is not yet.
func toggleComparePage(_ state: inout AppState, _ view: CompareState) -> [Effect] {
    var view = view
    view.top = 0
    switch view.page {
    case .slices:
        view.page = .ranking
        state.overlay = .compare(view)
        return view.ranking == nil && state.job(.rank) == nil ? startRanking(&state) : []
    case .ranking:
        guard state.systems.count >= 2 else {
            state.message = .init(text: "the per-slice comparison needs two systems: p picks them", isError: true)
            return []
        }
        view.page = .slices
        state.overlay = .compare(view)
        return view.comparison == nil && state.job(.compare) == nil ? startComparison(&state) : []
    }
}

/// Compares the shown systems with the first per slice (the compare view's first page).
func startComparison(_ state: inout AppState) -> [Effect] {
    let request = CompareRequest(filter: state.filter, systems: state.systems, metric: state.metric, groupings: state.groupings,
                                 tags: state.sliceAnnotations)
    let label = state.systems.count > 3 ? "\(state.systems.count) systems" : state.systems.joined(separator: " and ")
    return state.start(.compare(request), label: "comparing \(label) per slice…")
}
