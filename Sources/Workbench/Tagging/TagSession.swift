import ErrataCore
import Foundation
import Typology

/// The tag store behind the workbench, used only from the `EffectRunner`'s serial queue.
///
/// The store is opened lazily: at start-up only when its file exists (so browsing a dataset
/// leaves no file behind and the first frame never waits for SQLite), else at the first
/// write, which creates it with the preset typology. Every answer is built after the store
/// returned from its commit.
public final class TagSession: @unchecked Sendable {
    public let path: String
    /// What a store without categories starts with (see `preset(for:)`).
    public let preset: Typology
    private var store: TagStore?

    public init(path: String, preset: Typology) {
        self.path = path
        self.preset = preset
    }

    /// The store of `dataset`, with the preset for its task.
    public convenience init(dataset: Dataset) {
        self.init(path: TagStore.path(for: dataset), preset: Self.preset(for: dataset.task))
    }

    /// MQM for generation (translation error annotation, and a reasonable start for
    /// summarisation); the classification preset for classification.
    public static func preset(for task: ErrataCore.Task) -> Typology {
        switch task {
        case .generation: .mqm
        case .classification: .classification
        }
    }

    /// The store's answer to `effect`, after any write is committed.
    public func answer(_ effect: TagEffect) -> TagMsg {
        do {
            switch effect {
            case .open:
                guard FileManager.default.fileExists(atPath: path) else { return .opened(preset, [], queue: nil) }
                do {
                    let store = try writable()
                    // Work goes on where it stopped: the queue saved last is the active one.
                    let last = try store.queueNames().first.flatMap { try store.queue(named: $0) }
                    return .opened(try store.typology(), try store.tags(), queue: last)
                } catch {
                    return .unavailable("\(error)")
                }
            case .save(var tag, let replacing):
                tag.time = Tag.time()
                do {
                    let store = try writable()
                    let stored: StoredTag
                    if let replacing {
                        try store.replace(replacing, with: tag)
                        stored = StoredTag(id: replacing, tag: tag)
                    } else {
                        stored = try store.add(tag)
                    }
                    return .saved(stored, try store.typology())
                } catch {
                    return .saveFailed(tag, replacing: replacing, "\(error)")
                }
            case .delete(let id):
                try writable().delete(id)
                return try changed("deleted the tag (u undoes)")
            case .undo, .redo:
                let undoing = effect == .undo
                // Nothing to undo in a store never written: do not create the file for it.
                guard store != nil || FileManager.default.fileExists(atPath: path) else {
                    return .changed("nothing to \(undoing ? "undo" : "redo")", preset, [])
                }
                let store = try writable()
                let what = undoing ? try store.undo() : try store.redo()
                return try changed(what.map { undoing ? "undone: \($0) (U redoes)" : "redone: \($0)" } ?? "nothing to \(undoing ? "undo" : "redo")")
            case .rename(let path, let name):
                try writable().renameCategory(path, to: name)
                return try changed("renamed \(path) to \(name)")
            case .merge(let source, let target):
                try writable().mergeCategory(source, into: target)
                return try changed("merged \(source) into \(target)")
            case .move(let path, let parent):
                try writable().moveCategory(path, under: parent)
                return try changed("moved \(path) \(parent.map { "under \($0)" } ?? "to the top level")")
            case .saveQueue(let queue):
                try writable().saveQueue(queue)
                return .queue(queue)
            case .loadQueue(let name):
                guard let queue = try writable().queue(named: name) else { return .failed("no work queue called '\(name)'") }
                return .queue(queue)
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// The store as it is now, after a change.
    private func changed(_ what: String) throws -> TagMsg {
        let store = try writable()
        return .changed(what, try store.typology(), try store.tags())
    }

    /// The open store; opening creates the file and gives an empty typology the preset
    /// (outside the undo history: `u` undoes the annotator's actions only).
    private func writable() throws -> TagStore {
        if let store { return store }
        let opened = try TagStore(path: path)
        try opened.seedTypology(preset)
        store = opened
        return opened
    }
}
