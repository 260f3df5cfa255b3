import BitCollections
import Dispatch
import ErrataCore
import Foundation
import Typology

/// Performs effects off the UI thread and posts their results as messages.
///
/// A failure of a job becomes `.failed` in its result, shown in the status line; it never
/// takes the workbench down. Work over the dataset runs on one queue, in order; the model has
/// a queue of its own (an explanation can take seconds, a sort must not wait for it), and so
/// has the tag store, so a tag is committed at once even while a comparison computes.
/// Slice discovery, started when a dataset opens, runs on a queue of its own at a lower
/// priority: a filter typed at once must not wait seconds behind the search.
public final class EffectRunner: @unchecked Sendable {
    private let queue = DispatchQueue(label: "errata.jobs", qos: .userInitiated)
    private let modelQueue = DispatchQueue(label: "errata.model", qos: .userInitiated)
    private let tagQueue = DispatchQueue(label: "errata.tags", qos: .userInitiated)
    private let searchQueue = DispatchQueue(label: "errata.discovery", qos: .utility)
    private let tags: TagSession?
    private let explainer: (any Explaining)?
    private let analysis: Analysis
    private let cancelled = CancelledJobs()
    private let post: @Sendable (Msg) -> Void

    /// - Parameters:
    ///   - tags: the dataset's tag store (nil: tag effects answer that there is none).
    ///   - explainer: the engine that explains the dataset's systems (nil: none can be).
    public init(analysis: Analysis, tags: TagSession? = nil, explainer: (any Explaining)? = nil, post: @escaping @Sendable (Msg) -> Void) {
        self.analysis = analysis
        self.tags = tags
        self.explainer = explainer
        self.post = post
    }

    /// Waits for tag store work in flight: a tag being saved when the user quits is committed.
    public func finish() {
        tagQueue.sync {}
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .tagging(let request):
            let tags = self.tags, post = self.post
            tagQueue.async { post(.tagging(tags?.answer(request) ?? .unavailable("no tag store for this dataset"))) }
        case .cancel(let ids):
            cancelled.insert(ids)
        case .run(let id, let work):
            let analysis = self.analysis, explainer = self.explainer, post = self.post, cancelled = self.cancelled
            (work.usesModel ? modelQueue : work.kind == .discover ? searchQueue : queue).async {
                if case .predict(_, _, edit: true) = work { Thread.sleep(forTimeInterval: Self.debounce) }
                // A job cancelled before it started is not started at all.
                guard !cancelled.contains(id) else { return }
                let result = Self.result(of: work, analysis: analysis, explainer: explainer,
                                         progress: { post(.progress(id, $0)) }, isCancelled: { cancelled.contains(id) })
                post(.finished(id, result))
            }
        case .quit, .open:
            break
        }
    }

    /// How long a what-if prediction waits for the next keystroke before the model runs.
    static let debounce = 0.15

    /// The result of `work` (synchronously: tests call this directly). `isCancelled` is
    /// polled by work long enough to need it; `progress` receives partial results.
    public static func result(of work: JobWork, analysis: Analysis, explainer: (any Explaining)? = nil,
                              progress: @escaping @Sendable (JobProgress) -> Void = { _ in },
                              isCancelled: @escaping @Sendable () -> Bool = { false }) -> JobResult {
        do {
            switch work {
            case .filter(let request):
                var evaluator = analysis.evaluator(tags: request.tags)
                // A runaway regular expression stops when Esc cancels the job.
                evaluator.isCancelled = isCancelled
                let rows = try request.expression.map { try evaluator.rows(where: $0) } ?? BitSet.all(analysis.dataset.count)
                var ordered = Array(rows)
                if let sort = request.sort { ordered = sortedRows(ordered, by: sort, analysis: analysis, metric: request.metric) }
                return .filtered(request, rows: ordered)
            case .sort(let rows, let sort, let metric):
                return .sorted(rows: sortedRows(rows, by: sort, analysis: analysis, metric: metric), sort: sort)
            case .sidebar(var request):
                let saved = try SavedSlices.load(for: analysis.dataset).slices
                // A damaged file leaves the edits out here; `errata counterfactuals` says where.
                let counterfactuals = (try? Counterfactuals.load(for: analysis.dataset)) ?? []
                request.tags.edits = counterfactuals.map(InstanceTags.Edit.init)
                return .sidebar(request, try SidebarEntry.entries(for: request, saved: saved, analysis: analysis,
                                                                  flipped: counterfactuals.filter(\.flipped).count),
                                edits: request.tags.edits)
            case .compare(let request):
                let slices = try namedSlices(filter: request.filter, groupings: request.groupings, tags: request.tags, analysis: analysis)
                return .compared(try analysis.comparison(slices: slices, systems: request.systems, metric: request.metric))
            case .tallies(let request):
                let tags = InstanceTags(request.tags)
                let slices = try namedSlices(filter: request.filter, groupings: request.groupings, tags: tags, analysis: analysis)
                return .tallies(Tallies(tags: request.tags, slices: slices, typology: request.typology, row: { analysis.dataset.row(id: $0) }))
            case .saveSlice(let name, let filter):
                var store = try SavedSlices.load(for: analysis.dataset)
                try store.save(.init(name: name, filter: filter))
                try store.write(for: analysis.dataset)
                return .saved(name: name, path: SavedSlices.path(for: analysis.dataset))
            case .explain(let request, _):
                let engine = try engine(explainer)
                if let cached = engine.cachedExplanation(request) { return .explained(cached, cached: true) }
                let explanation = try engine.explain(request, progress: { progress(.explanation($0)) },
                                                     fraction: { progress(.fraction($0)) }, isCancelled: isCancelled)
                return .explained(explanation, cached: false)
            case .attention(let system, let text):
                return .attention(try engine(explainer).attention(system: system, text: text))
            case .predict(let system, let text, _):
                guard let prediction = try engine(explainer).predict(system: system, texts: [text]).first else {
                    return .failed("no prediction for the edited text")
                }
                return .predicted(text: text, prediction)
            case .discover(let request):
                // Levels weigh alike: level l of L at done/total is (l - 1 + done/total) / L done.
                let report = try analysis.discover(request, progress: { step in
                    progress(.fraction((Double(step.level - 1) + Double(step.done) / Double(max(1, step.total))) / Double(max(1, step.maxLevel))))
                }, isCancelled: isCancelled)
                return .discovered(request, report)
            case .explainableSystems:
                // The first run fetches the encoder: the status bar shows how far it is.
                try explainer?.prepare(progress: { progress(.fraction($0)) })
                return .explainable(ExplainableSystem.all(from: explainer))
            case .saveCounterfactual(let counterfactual):
                try Counterfactuals.append(counterfactual, for: analysis.dataset)
                return .kept(counterfactual, path: Counterfactuals.path(for: analysis.dataset))
            case .rank(let request):
                let slice = try namedSlices(filter: request.filter, groupings: [], tags: request.tags, analysis: analysis)[0]
                return .ranked(try analysis.ranking(slice: slice, baseline: request.baseline, metric: request.metric,
                                                    progress: { progress(.fraction($0)) }, isCancelled: isCancelled))
            case .loadSystemChoice:
                return .systemChoice(try SystemChoice.load(for: analysis.dataset))
            case .saveSystemChoice(let systems):
                try SystemChoice(systems: systems).write(for: analysis.dataset)
                return .rememberedSystems
            case .faithfulness(let explanation, let request, _):
                return .faithfulness(try engine(explainer).faithfulness(of: explanation, request: request))
            case .metaEvaluate(let request):
                let slices = try namedSlices(filter: request.filter, groupings: request.groupings, tags: request.tags, analysis: analysis)
                return .metaEvaluated(try analysis.metaEvaluation(slices: slices, human: request.human, metrics: request.metrics))
            case .headImportance(let request):
                let scores = try engine(explainer).headImportance(system: request.system, texts: request.texts,
                                                                  progress: { progress(.fraction($0)) }, isCancelled: isCancelled)
                return .headImportance(request, scores)
            }
        } catch is CancellationError {
            return .failed("cancelled")
        } catch let error as SliceError {
            return .failed("column \(error.column): \(error.message)")
        } catch {
            return .failed("\(error)")
        }
    }

    private static func engine(_ explainer: (any Explaining)?) throws -> any Explaining {
        guard let explainer else { throw ExplanationError("no explaining engine: this dataset declares no model for its systems") }
        return explainer
    }

    /// The filter's rows as one slice, then each grouping's slices within it.
    private static func namedSlices(filter: String?, groupings: [String], tags: InstanceTags, analysis: Analysis) throws -> [NamedSlice] {
        let base = try filter.map { try analysis.evaluator(tags: tags).rows(where: $0) } ?? BitSet.all(analysis.dataset.count)
        var slices = [NamedSlice(name: filter ?? NamedSlice.allName, rows: base)]
        for grouping in groupings { slices += try analysis.groups(by: grouping, within: base, tags: tags) }
        return slices
    }
}

/// The ids of cancelled jobs, shared between the UI thread and the work queues.
final class CancelledJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<Int> = []

    func insert(_ new: [Int]) { lock.withLock { ids.formUnion(new) } }
    func contains(_ id: Int) -> Bool { lock.withLock { ids.contains(id) } }
}
