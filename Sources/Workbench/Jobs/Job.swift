import ErrataCore
import Typology

/// Work running off the UI thread, as the state sees it: an id, what it is, and a line for
/// the status bar.
///
/// Every background computation gets a fresh id when it starts. Its result comes back as
/// `Msg.finished(id, …)` and is applied only while the id is still in `AppState.jobs`: a job
/// cancelled with Esc, or superseded by a newer one of the same kind (a second filter typed
/// while the first evaluates), is dropped from the list, so its late result is ignored.
public struct Job: Sendable, Equatable {
    public let id: Int
    public let work: JobWork
    /// What the status bar says while it runs ("sorting 3,004 rows…").
    public var label: String
    /// Fraction done, where the work reports it.
    public var progress: Double?

    public var kind: JobWork.Kind { work.kind }
}

/// What a job computes. Each case carries every value the work needs, so the runner reads
/// nothing from the state and `update` stays a function of its inputs.
public enum JobWork: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case filter, sort, sidebar, compare, tallies, save
        /// An explanation for one pane of the explanation view.
        case explain(pane: Int)
        case attention, faithfulness, models, discover, headImportance, metaEvaluate
        /// Every system ranked with significance clusters (the compare view's ranking).
        case rank
        /// Reading the systems remembered for the dataset.
        case systemChoice
        /// A what-if prediction: of the original text, or of an edit (each edit supersedes the last).
        case predict(edit: Bool)
    }

    /// The rows matching a filter (all rows when nil), sorted when asked.
    case filter(FilterRequest)
    case sort(rows: [Int], by: AppState.Sort, metric: String)
    /// The slices sidebar for a metric, systems and groupings; also warms the per-instance
    /// scores the table reads for that metric, so drawing never computes them.
    case sidebar(SidebarRequest)
    case compare(CompareRequest)
    case tallies(TalliesRequest)
    case saveSlice(name: String, filter: String)
    /// An explanation for a pane of the explanation view: the disk cache first, else the
    /// engine, which reports partial estimates as it goes. Runs on the model's own queue.
    case explain(ExplanationRequest, pane: Int)
    /// Every layer's and head's attention for a text.
    case attention(system: String, text: String)
    /// Class probabilities of a what-if text; an edit waits a moment first, so that typing
    /// supersedes it before the model runs (a debounce).
    case predict(system: String, text: String, edit: Bool)
    /// Comprehensiveness and sufficiency of a pane's explanation.
    case faithfulness(Explanation, ExplanationRequest, pane: Int)
    /// Each attention head's importance over some texts (one, or a slice's), for the attention view.
    case headImportance(HeadImportanceRequest)
    /// Which systems the engine can explain, with their classes (loads the models: the
    /// encoder is fetched on first use).
    case explainableSystems
    /// The slices where a system fails most (SliceLine), each tested against the rest.
    case discover(DiscoveryRequest)
    /// How the automatic metrics agree with the human score, per slice (`:metaeval`).
    case metaEvaluate(MetaEvaluationRequest)
    /// Appends a what-if edit to the dataset's counterfactuals.
    case saveCounterfactual(Counterfactual)
    case rank(RankRequest)
    /// The systems remembered for the dataset (`.errata/<dataset>/systems.json`).
    case loadSystemChoice
    /// Remembers the systems shown, in order, for the next time the dataset opens.
    case saveSystemChoice([String])

    public var kind: Kind {
        switch self {
        case .filter: .filter
        case .sort: .sort
        case .sidebar: .sidebar
        case .compare: .compare
        case .tallies: .tallies
        case .saveSlice, .saveCounterfactual, .saveSystemChoice: .save
        case .explain(_, let pane): .explain(pane: pane)
        case .attention: .attention
        case .predict(_, _, let edit): .predict(edit: edit)
        case .faithfulness: .faithfulness
        case .headImportance: .headImportance
        case .explainableSystems: .models
        case .discover: .discover
        case .metaEvaluate: .metaEvaluate
        case .rank: .rank
        case .loadSystemChoice: .systemChoice
        }
    }

    /// Whether a newer job of the same kind makes this one pointless. Saving never is.
    var isSuperseded: Bool { kind != .save }

    /// Work for the model, which runs on a queue of its own.
    var usesModel: Bool {
        switch self {
        case .explain, .attention, .predict, .faithfulness, .headImportance, .explainableSystems: true
        default: false
        }
    }
}

/// What a finished job hands back to `update`.
public enum JobResult: Sendable {
    case filtered(FilterRequest, rows: [Int])
    case sorted(rows: [Int], sort: AppState.Sort)
    /// The slices, and the what-if edits read with them (the slice language's `counterfactual`).
    case sidebar(SidebarRequest, [SidebarEntry], edits: [InstanceTags.Edit])
    case compared(Comparison)
    case tallies(Tallies)
    case saved(name: String, path: String)
    case explained(Explanation, cached: Bool)
    case attention(AttentionGrids)
    case predicted(text: String, Prediction)
    case faithfulness(FaithfulnessScores)
    case headImportance(HeadImportanceRequest, [[Double]])
    case kept(Counterfactual, path: String)
    case explainable([String: ExplainableSystem])
    case discovered(DiscoveryRequest, DiscoveryReport)
    case metaEvaluated(MetaEvaluation)
    case ranked(Ranking)
    /// The remembered systems (nil: none remembered).
    case systemChoice([String]?)
    /// The systems were remembered (nothing to show).
    case rememberedSystems
    case failed(String)
}

/// A partial result: a fraction done, or an estimate that tightens (anytime SHAP).
public enum JobProgress: Sendable {
    case fraction(Double)
    case explanation(Explanation)
}

/// The rows of a filter, and where the cursor goes once they are in.
public struct FilterRequest: Sendable, Equatable {
    public enum Cursor: Sendable, Equatable {
        /// The first row, with a message giving the count.
        case top
        /// The same position in the table, quietly (the filter was evaluated again because
        /// the tags it reads changed).
        case keep(Int)
        /// The row of this dataset row, quietly (`w` leaving a filter to reach a queue item).
        case row(Int)
    }

    public var expression: String?
    public var tags: InstanceTags
    public var sort: AppState.Sort?
    public var metric: String
    public var cursor: Cursor = .top
    /// What the status line says once the rows are in, instead of their count.
    public var announcement: String?
}

public struct SidebarRequest: Sendable, Equatable {
    public var metric: String
    public var systems: [String]
    public var groupings: [String]
    public var tags: InstanceTags
}

public struct CompareRequest: Sendable, Equatable {
    public var filter: String?
    public var systems: [String]
    public var metric: String
    public var groupings: [String]
    public var tags: InstanceTags
}

/// All of the dataset's systems ranked on the filter's instances.
public struct RankRequest: Sendable, Equatable {
    public var filter: String?
    public var metric: String
    public var baseline: String?
    public var tags: InstanceTags
}

public struct TalliesRequest: Sendable, Equatable {
    public var filter: String?
    public var groupings: [String]
    public var tags: [Tag]
    public var typology: Typology
}

extension AppState {
    /// Starts `work` as a new job: cancels running jobs of its kind that it supersedes and
    /// returns the effects (cancellation, then the work).
    mutating func start(_ work: JobWork, label: String) -> [Effect] {
        let superseded = work.isSuperseded ? jobs.filter { $0.kind == work.kind }.map(\.id) : []
        jobs.removeAll { superseded.contains($0.id) }
        let id = nextJobID
        nextJobID += 1
        jobs.append(Job(id: id, work: work, label: label))
        return (superseded.isEmpty ? [] : [.cancel(superseded)]) + [.run(id, work)]
    }

    /// Removes the job and returns it; nil when it is no longer wanted (a stale result).
    mutating func finish(_ id: Int) -> Job? {
        guard let index = jobs.firstIndex(where: { $0.id == id }) else { return nil }
        return jobs.remove(at: index)
    }

    /// Cancels every running job of `kind` (the overlay showing its result closed).
    mutating func cancelJobs(_ kind: JobWork.Kind) -> [Effect] {
        let ids = jobs.filter { $0.kind == kind }.map(\.id)
        jobs.removeAll { ids.contains($0.id) }
        return ids.isEmpty ? [] : [.cancel(ids)]
    }

    /// The job of `kind` running now, if any.
    func job(_ kind: JobWork.Kind) -> Job? { jobs.last { $0.kind == kind } }
}
