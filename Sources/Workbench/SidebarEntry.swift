import BitCollections
import ErrataCore

/// One line of the slices sidebar: "All instances", a saved slice, a grouping's header, or one
/// value of a grouping, with its size and the first system's metric.
public struct SidebarEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case all, saved, header, group, suggestion }

    public var kind: Kind
    public var label: String
    /// The slice expression selecting the entry's instances (nil for all and for headers).
    public var filter: String?
    public var count: Int
    public var value: Double?
    /// Part of the "suggested" section, which discovery replaces as a whole.
    public var suggested = false

    /// The "Suggested slices" section from a discovery report: a header naming the system
    /// and the test, then each slice found with its size and error, those not significant
    /// after Holm's correction marked.
    static func suggestions(_ report: DiscoveryReport, system: String) -> [SidebarEntry] {
        let header = SidebarEntry(kind: .header, label: report.rows.isEmpty ? "suggested for \(system): none found"
                                      : "suggested for \(system) (\(report.correction))", filter: nil, count: 0, value: nil, suggested: true)
        return [header] + report.rows.map { row in
            SidebarEntry(kind: .suggestion, label: row.slice + (row.significant ? "" : " (n.s.)"), filter: row.expression, count: row.size,
                         value: row.error, suggested: true)
        }
    }

    /// All instances, the saved slices, then each grouping's values, each with its size and
    /// the first system's metric. Runs as a job (a first metric is a pass over the data).
    /// A saved slice that no longer evaluates is left out; a grouping that does not is an
    /// error, since the user just typed it.
    /// `request.tags` carries the kept what-if edits (`flipped` of them changed the prediction).
    static func entries(for request: SidebarRequest, saved: [SavedSlices.Entry], analysis: Analysis, flipped: Int = 0) throws -> [SidebarEntry] {
        let all = BitSet.all(analysis.dataset.count)
        // The table reads these per-instance scores for the rows it draws.
        for system in request.systems { _ = try? analysis.instanceScores(metric: request.metric, system: system) }
        func value(_ rows: BitSet) -> Double? {
            guard let system = request.systems.first, let metric = try? analysis.metric(named: request.metric),
                  let statistics = try? analysis.statistics(metric: metric.name, system: system),
                  let members = try? analysis.rows(rows, systems: [system]), !members.isEmpty
            else { return nil }
            let score = metric.score(statistics.sum(rows: members))
            return score.isNaN ? nil : score
        }
        var entries = [SidebarEntry(kind: .all, label: NamedSlice.allName, filter: nil, count: all.count, value: value(all))]
        let evaluator = analysis.evaluator(tags: request.tags)
        for slice in saved {
            guard let rows = try? evaluator.rows(where: slice.filter) else { continue }
            let label = slice.folder.isEmpty ? slice.name : "\(slice.folder)/\(slice.name)"
            entries.append(SidebarEntry(kind: .saved, label: label, filter: slice.filter, count: rows.count, value: value(rows)))
        }
        // The instances with a kept what-if edit, as one slice.
        let edits = request.tags.edits
        if !edits.isEmpty, let rows = try? evaluator.rows(where: "counterfactual") {
            entries.append(SidebarEntry(kind: .saved, label: "what-if edits: \(edits.count), \(flipped) flipped", filter: "counterfactual",
                                        count: rows.count, value: value(rows)))
        }
        for grouping in request.groupings {
            let groups = try analysis.valueGroups(of: grouping, within: all, tags: request.tags).groups
            entries.append(SidebarEntry(kind: .header, label: "\(grouping): \(groups.count) slices", filter: nil, count: 0, value: nil))
            for group in groups {
                entries.append(SidebarEntry(kind: .group, label: group.label, filter: group.filter, count: group.rows.count, value: value(group.rows)))
            }
        }
        return entries
    }
}

/// A column of the instance table.
public enum TableColumn: Sendable, Hashable {
    case id
    /// The categories of the instance's tags (every annotator's), once the store has tags.
    case tags
    case input(String)
    case label
    case output(String)
    case score(String)
    /// The second system's score minus the first's: sorting by it finds where they differ most.
    case difference(String, String)

    /// The columns for the state's dataset and shown systems.
    static func columns(for state: AppState) -> [TableColumn] {
        frozen(for: state) + scrollable(for: state)
    }

    /// The columns that stay at the left when the table scrolls sideways: what identifies a row.
    static func frozen(for state: AppState) -> [TableColumn] {
        var columns: [TableColumn] = [.id]
        if !state.tagging.tags.isEmpty { columns.append(.tags) }
        return columns + state.analysis.dataset.inputs.prefix(1).map { .input($0.name) }
    }

    /// The label, each shown system's output, then each one's score, then the difference:
    /// the sorted-by pair when the table is sorted by a difference (`d`, `:sort delta A B`),
    /// else the second system minus the first.
    static func scrollable(for state: AppState) -> [TableColumn] {
        var columns: [TableColumn] = state.analysis.dataset.label != nil ? [.label] : []
        columns += state.systems.map { .output($0) }
        columns += state.systems.map { .score($0) }
        if case .difference? = state.sort?.column {
            columns.append(state.sort!.column)
        } else if state.systems.count >= 2 {
            columns.append(.difference(state.systems[0], state.systems[1]))
        }
        return columns
    }

    func title(metric: String, labelName: String) -> String {
        switch self {
        case .id: "id"
        case .tags: "tags"
        case .input(let name): name
        case .label: labelName
        case .output(let system): system
        case .score(let system): "\(metric)(\(system))"
        case .difference(let a, let b): "Δ \(b)−\(a)"
        }
    }

    /// Tags change while the sort runs off the UI thread: the table is not sorted by them.
    var isSortable: Bool { self != .tags }

    var isNumeric: Bool {
        switch self {
        case .score, .difference: true
        default: false
        }
    }
}
