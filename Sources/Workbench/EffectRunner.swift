import BitCollections
import Dispatch
import ErrataCore
import Foundation
import Typology

/// Performs effects off the UI thread and posts their results as messages.
///
/// A failure of a job becomes `.failed` in its result, shown in the status line; it never
/// takes the workbench down. Work over the dataset runs on one queue, in order; the tag store
/// has a queue of its own, so a tag is committed at once even while a comparison computes.
public final class EffectRunner: @unchecked Sendable {
    private let queue = DispatchQueue(label: "errata.jobs", qos: .userInitiated)
    private let tagQueue = DispatchQueue(label: "errata.tags", qos: .userInitiated)
    private let tags: TagSession?
    private let analysis: Analysis
    private let cancelled = CancelledJobs()
    private let post: @Sendable (Msg) -> Void

    /// - Parameter tags: the dataset's tag store (nil: tag effects answer that there is none).
    public init(analysis: Analysis, tags: TagSession? = nil, post: @escaping @Sendable (Msg) -> Void) {
        self.analysis = analysis
        self.tags = tags
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
            let analysis = self.analysis, post = self.post, cancelled = self.cancelled
            queue.async {
                // A job cancelled before it started is not started at all.
                guard !cancelled.contains(id) else { return }
                let result = Self.result(of: work, analysis: analysis) { cancelled.contains(id) }
                post(.finished(id, result))
            }
        case .quit:
            break
        }
    }

    /// The result of `work` (synchronously: tests call this directly). `isCancelled` is
    /// polled by work long enough to need it.
    public static func result(of work: JobWork, analysis: Analysis, isCancelled: @Sendable () -> Bool = { false }) -> JobResult {
        do {
            switch work {
            case .filter(let request):
                let evaluator = analysis.evaluator(tags: request.tags)
                let rows = try request.expression.map { try evaluator.rows(where: $0) } ?? BitSet.all(analysis.dataset.count)
                var ordered = Array(rows)
                if let sort = request.sort { ordered = sortedRows(ordered, by: sort, analysis: analysis, metric: request.metric) }
                return .filtered(request, rows: ordered)
            case .sort(let rows, let sort, let metric):
                return .sorted(rows: sortedRows(rows, by: sort, analysis: analysis, metric: metric), sort: sort)
            case .sidebar(let request):
                let saved = try SavedSlices.load(for: analysis.dataset).slices
                return .sidebar(request, try SidebarEntry.entries(for: request, saved: saved, analysis: analysis))
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
            }
        } catch let error as SliceError {
            return .failed("column \(error.column): \(error.message)")
        } catch {
            return .failed("\(error)")
        }
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
