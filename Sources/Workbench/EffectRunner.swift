import BitCollections
import Dispatch
import ErrataCore

/// Performs effects off the UI thread and posts their results as messages.
///
/// A failure of an effect becomes a `.failed` message shown in the status line; it never
/// takes the workbench down. Tag store work has a queue of its own, so a tag is committed at
/// once even while a comparison computes, and in the order it was asked for.
public final class EffectRunner: @unchecked Sendable {
    private let queue = DispatchQueue(label: "errata.effects", qos: .userInitiated)
    private let tagQueue = DispatchQueue(label: "errata.tags", qos: .userInitiated)
    private let tags: TagSession?
    private let post: @Sendable (Msg) -> Void

    /// - Parameter tags: the dataset's tag store (nil: tag effects answer that there is none).
    public init(tags: TagSession? = nil, post: @escaping @Sendable (Msg) -> Void) {
        self.tags = tags
        self.post = post
    }

    /// Waits for tag store work in flight: a tag being saved when the user quits is committed.
    public func finish() {
        tagQueue.sync {}
    }

    public func perform(_ effect: Effect, state: AppState) {
        if case .tagging(let request) = effect {
            let tags = self.tags, post = self.post
            tagQueue.async { post(.tagging(tags?.answer(request) ?? .unavailable("no tag store for this dataset"))) }
            return
        }
        let analysis = state.analysis
        let metric = state.metric
        let groupings = state.groupings
        let post = self.post
        queue.async {
            post(Self.result(of: effect, analysis: analysis, metric: metric, groupings: groupings))
        }
    }

    /// The message answering `effect` (synchronously: tests call this directly).
    public static func result(of effect: Effect, analysis: Analysis, metric: String, groupings: [String]) -> Msg {
        do {
            switch effect {
            case .sort(let rows, let sort):
                return .sorted(rows: sortedRows(rows, by: sort, analysis: analysis, metric: metric), sort: sort)
            case .compare(let filter, let systems, let metric):
                let base = try filter.map { try analysis.evaluator.rows(where: $0) } ?? BitSet.all(analysis.dataset.count)
                var slices = [NamedSlice(name: filter ?? NamedSlice.allName, rows: base)]
                for grouping in groupings { slices += try analysis.groups(by: grouping, within: base) }
                return .compared(try analysis.comparison(slices: slices, systems: systems, metric: metric))
            case .saveSlice(let name, let filter):
                var store = try SavedSlices.load(for: analysis.dataset)
                try store.save(.init(name: name, filter: filter))
                try store.write(for: analysis.dataset)
                return .saved(name: name)
            case .quit, .tagging:
                return .failed("\(effect) is handled by the run loop and perform")
            }
        } catch {
            return .failed("\(error)")
        }
    }
}
