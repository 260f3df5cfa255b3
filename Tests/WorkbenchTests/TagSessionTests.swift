import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
import Typology
import struct Typology.Tag
@testable import Workbench

/// The runner's side of tagging against a real `TagStore` in a temporary folder: what each
/// effect commits and what it answers.
@Suite struct TagSessionTests {
    static let preset = TaggingUpdateTests.typology

    func tag(_ instance: String, _ categories: [String], severity: String? = nil) -> Tag {
        Tag(instance: instance, system: "bert", categories: categories.map { CategoryPath($0)! }, severity: severity, annotator: "ana", time: "")
    }

    @Test func openingAMissingStoreCreatesNothingAndTheFirstTagCreatesItWithThePreset() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent(".errata/reviews/tags.sqlite").path
        let session = TagSession(path: path, preset: Self.preset)
        guard case .opened(let typology, let tags, nil) = session.answer(.open) else { Issue.record("not opened"); return }
        #expect(typology == Self.preset && tags.isEmpty)
        guard case .changed(let nothing, _, _) = session.answer(.undo) else { Issue.record("no answer"); return }
        #expect(nothing == "nothing to undo" && !FileManager.default.fileExists(atPath: path))

        guard case .saved(let stored, let after) = session.answer(.save(tag("5", ["Accuracy/Omission", "Style/Awkward"], severity: "major"), replacing: nil)) else {
            Issue.record("not saved"); return
        }
        #expect(stored.tag.instance == "5" && Tag.isValidTime(stored.tag.time))
        #expect(after.paths.contains(CategoryPath("Style/Awkward")!) && after.paths.contains(CategoryPath("Fluency/Grammar")!))
        // Committed: another store object on the same file (another process) reads it.
        #expect(try TagStore(path: path).tags() == [stored])
        guard case .opened(_, let reread, nil) = TagSession(path: path, preset: Self.preset).answer(.open) else { Issue.record("not reopened"); return }
        #expect(reread == [stored])
    }

    @Test func replacingUndoRedoAndCategoryChangesAnswerWithTheStoreAsItIs() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("tags.sqlite").path
        let session = TagSession(path: path, preset: Self.preset)
        guard case .saved(let first, _) = session.answer(.save(tag("1", ["Accuracy"]), replacing: nil)) else { Issue.record("not saved"); return }
        guard case .saved(let edited, _) = session.answer(.save(tag("1", ["Fluency/Grammar"]), replacing: first.id)) else { Issue.record("not replaced"); return }
        let categories = try TagStore(path: path).tags().map(\.tag.categories)
        #expect(edited.id == first.id && categories == [[CategoryPath("Fluency/Grammar")!]])

        guard case .changed(let undone, _, let afterUndo) = session.answer(.undo) else { Issue.record("no undo"); return }
        #expect(undone.hasPrefix("undone: ") && afterUndo.map(\.tag.categories) == [[CategoryPath("Accuracy")!]])
        guard case .changed(_, _, let afterRedo) = session.answer(.redo) else { Issue.record("no redo"); return }
        #expect(afterRedo.map(\.tag.categories) == [[CategoryPath("Fluency/Grammar")!]])

        guard case .changed(let renamed, let typology, let tags) = session.answer(.rename(CategoryPath("Fluency")!, to: "Form")) else { Issue.record("no rename"); return }
        #expect(renamed == "renamed Fluency to Form" && typology.category(at: CategoryPath("Form/Grammar")!) != nil)
        #expect(tags.map(\.tag.categories) == [[CategoryPath("Form/Grammar")!]])
        guard case .changed(_, _, let merged) = session.answer(.merge(CategoryPath("Form/Grammar")!, into: CategoryPath("Accuracy/Omission")!)) else { Issue.record("no merge"); return }
        #expect(merged.map(\.tag.categories) == [[CategoryPath("Accuracy/Omission")!]])
        guard case .changed(_, let moved, _) = session.answer(.move(CategoryPath("Accuracy/Addition")!, under: nil)) else { Issue.record("no move"); return }
        #expect(moved.category(at: CategoryPath("Addition")!) != nil)
        // Undo covers the annotator's actions only, never the preset the store was given.
        for _ in 0 ..< 8 { _ = session.answer(.undo) }
        guard case .changed(let nothing, let original, let none) = session.answer(.undo) else { Issue.record("no undo"); return }
        #expect(nothing == "nothing to undo" && original == Self.preset && none.isEmpty)

        guard case .saved(let again, _) = session.answer(.save(tag("4", ["Accuracy"]), replacing: nil)),
              case .changed(let what, _, let deleted) = session.answer(.delete(again.id)) else { Issue.record("no delete"); return }
        #expect(what == "deleted the tag (u undoes)" && deleted.isEmpty)
    }

    @Test func failuresComeBackAsValues() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let session = TagSession(path: folder.url.appendingPathComponent("tags.sqlite").path, preset: Self.preset)
        let bad = tag("1", ["Accuracy"], severity: "catastrophic")
        guard case .saveFailed(let back, let replacing, let reason) = session.answer(.save(bad, replacing: nil)) else { Issue.record("saved"); return }
        #expect(back.categories == bad.categories && back.severity == "catastrophic" && replacing == nil && !reason.isEmpty)
        guard case .failed(let missing) = session.answer(.loadQueue("nope")) else { Issue.record("loaded"); return }
        #expect(missing == "no work queue called 'nope'")
        let queue = WorkQueue(name: "sample-2-seed-1", seed: 1, items: [.init(instance: "3", system: "bert"), .init(instance: "1", system: "bert")])
        guard case .queue(let saved) = session.answer(.saveQueue(queue)), case .queue(let loaded) = session.answer(.loadQueue("sample-2-seed-1")) else {
            Issue.record("no queue"); return
        }
        #expect(saved == queue && loaded == queue)
        // Reopened, the workbench resumes the queue saved last.
        guard case .opened(_, _, let resumed) = TagSession(path: session.path, preset: Self.preset).answer(.open) else { Issue.record("not reopened"); return }
        #expect(resumed == queue)
        let damaged = try folder.write("damaged/tags.sqlite", "not a database")
        guard case .unavailable = TagSession(path: damaged, preset: Self.preset).answer(.open) else { Issue.record("opened a damaged file"); return }
    }

    @Test func theRunnerPostsOnlyAfterTheCommit() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("tags.sqlite").path
        let posted = Posted()
        let runner = EffectRunner(analysis: Analysis(dataset: try Fixtures.reviewsDataset()), tags: TagSession(path: path, preset: Self.preset)) {
            posted.append($0)
        }
        runner.perform(.tagging(.save(tag("2", ["Accuracy"]), replacing: nil)))
        runner.finish()
        guard case .tagging(.saved(let stored, _))? = posted.messages.first else { Issue.record("no answer"); return }
        #expect(try TagStore(path: path).tags() == [stored])
    }
}

/// Messages posted from the runner's queue.
final class Posted: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Msg] = []
    func append(_ message: Msg) { lock.withLock { list.append(message) } }
    var messages: [Msg] { lock.withLock { list } }
}
