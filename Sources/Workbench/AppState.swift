import BitCollections
import ErrataCore
import TerminalUI
import Typology

/// Everything the workbench shows, as a value: `update` changes it, `render` draws it.
public struct AppState: Sendable {
    public enum Focus: Sendable, Equatable { case sidebar, table }

    /// What covers the body of the screen, each with its own state and keys.
    public indirect enum Overlay: Sendable, Equatable {
        /// The keys of a view (and what its methods mean), over the view it was opened from.
        case help(HelpContext, back: Overlay?)
        /// One instance in full.
        case detail(DetailState)
        /// Systems against the baseline per slice, or every system ranked (`c`, `R`).
        case compare(CompareState)
        /// Counts of each category per slice and system (`T`).
        case tallies(TalliesState)
        /// An instance's input coloured by its attribution (`a`).
        case explain(ExplainState)
        /// Attention grids of an input (`A`).
        case attention(AttentionState)
        /// The input edited, the model run again (`e`).
        case whatIf(WhatIfState)
        /// Automatic metrics against the human score (`:metaeval`).
        case metaEvaluation(MetaEvaluationState)
        /// The systems shown, picked with checkboxes and put in order (`p`).
        case systems(SystemPicker)
    }

    /// The compare view's two pages: the shown systems against the baseline per slice, or
    /// every system of the dataset ranked with significance clusters.
    /// A line being typed: a `:` command or a `/` search.
    public struct InputLine: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case command, search }
        public var kind: Kind
        /// The text, its cursor, and where ↑/↓ are in `AppState.history`.
        public var field = TextField()

        /// The text; setting it replaces the field, the cursor at the end.
        public var text: String {
            get { field.text }
            set { field = TextField(newValue) }
        }
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    /// How the table is ordered.
    public struct Sort: Sendable, Equatable {
        public var column: TableColumn
        public var descending: Bool

        public init(column: TableColumn, descending: Bool) {
            self.column = column
            self.descending = descending
        }
    }

    public let analysis: Analysis
    public var width: Int
    public var height: Int
    /// 256, 8 or 0: the colours the terminal shows (the heat scale picks its palette by it).
    public var colors = 256
    /// The systems an explaining engine can explain, with their classes.
    public var explainable: [String: ExplainableSystem]
    /// An explanation, attention or what-if asked for while the models load.
    var deferredModelView: DeferredModelView?
    public var focus: Focus = .table
    public var overlay: Overlay?
    public var input: InputLine?
    public var message: Message?
    public var history: [String] = []

    /// The metric shown in the sidebar, the table and the compare view.
    public var metric: String
    /// The systems shown in the table and compared (the first is the baseline).
    public var systems: [String]

    public var sidebar: [SidebarEntry]
    public var sidebarCursor = 0
    public var sidebarTop = 0
    /// Expressions added as sidebar groupings with `:by`.
    public var groupings: [String]

    /// The active filter (nil: all instances) and the rows it selects, in table order.
    public var filter: String?
    public var rows: [Int]
    public var tableCursor = 0
    public var tableTop = 0
    /// Columns after the frozen ones (id, tags, input) scrolled past on the left.
    public var tableColumnLeft = 0
    public var sort: Sort?

    public var search: String?
    public var matches: [Int] = []

    /// Work running off the UI thread, oldest first; the status bar lists it and Esc
    /// cancels the newest.
    public var jobs: [Job] = []
    /// The id the next job gets.
    var nextJobID = 1

    /// Tags, the palette and the work queue.
    public var tagging: TaggingState
    /// The what-if edits kept as counterfactuals, read with the sidebar (`counterfactual` in a filter).
    var keptEdits: [InstanceTags.Edit] = []

    /// `annotator` names whose tags the palette makes (see `TaggingState`). The sidebar
    /// starts with all instances only: `startEffects` computes the rest off the UI thread.
    public init(analysis: Analysis, width: Int, height: Int, annotator: String = "anonymous",
                explainable: [String: ExplainableSystem] = [:]) {
        self.analysis = analysis
        self.explainable = explainable
        tagging = TaggingState(annotator: annotator, experts: analysis.dataset.expertRatings)
        self.width = width
        self.height = height
        let dataset = analysis.dataset
        metric = dataset.defaultMetric
        systems = Array(dataset.systems.prefix(2).map(\.name))
        groupings = Self.defaultGroupings(dataset)
        rows = Array(0 ..< dataset.count)
        sidebar = [SidebarEntry(kind: .all, label: NamedSlice.allName, filter: nil, count: dataset.count, value: nil)]
    }

    /// What the workbench starts with: the sidebar's slices and metric values, and (with an
    /// explaining engine) which systems it explains.
    public mutating func startEffects(explaining: Bool = false) -> [Effect] {
        start(.sidebar(sidebarRequest()), label: "computing \(metric) per slice…")
            + (systems.first.map { startDiscovery(DiscoveryRequest(system: $0)) } ?? [])
            + start(.loadSystemChoice, label: "reading the systems shown last time…")
            + (explaining ? start(.explainableSystems, label: "loading the explaining models (the first run fetches the 83 MB encoder, and OpenBLAS where the system has none)…") : [])
    }

    /// Starts the search for slices where a system fails (the sidebar's suggestions).
    mutating func startDiscovery(_ request: DiscoveryRequest) -> [Effect] {
        start(.discover(request), label: "finding slices where \(request.system) fails" + (request.versus.map { " against \($0)" } ?? "") + "…")
    }

    /// The sidebar as the state asks for it now, with changes applied on top.
    func sidebarRequest(metric: String? = nil, systems: [String]? = nil, groupings: [String]? = nil) -> SidebarRequest {
        SidebarRequest(metric: metric ?? self.metric, systems: systems ?? self.systems, groupings: groupings ?? self.groupings, tags: sliceAnnotations)
    }

    /// What the slice language sees of the user's own annotations: tags and kept what-if edits.
    var sliceAnnotations: InstanceTags {
        var annotations = tagging.instanceTags
        annotations.edits = keptEdits
        return annotations
    }

    /// Categorical and boolean metadata columns with at most 30 values, one slice per value;
    /// without any, the length in tokens of the reference (or input), binned.
    static func defaultGroupings(_ dataset: Dataset) -> [String] {
        let columns = dataset.metadata.compactMap { column -> String? in
            switch column.storage {
            case .categorical(let c) where c.levels.count <= 30: SliceExpression.quoteName(column.name)
            case .boolean: SliceExpression.quoteName(column.name)
            default: nil
            }
        }
        if !columns.isEmpty { return columns }
        let text = dataset.label?.type == .text ? dataset.label : dataset.inputs.first
        return text.map { ["tokens(\(SliceExpression.quoteName($0.name)))"] } ?? []
    }

    /// Rows of the table that fit on screen at the current size.
    public var tablePageSize: Int { max(1, Layout(width: width, height: height).table.height - 2) }

    public var sidebarPageSize: Int { max(1, Layout(width: width, height: height).sidebar.height - 2) }
}
