import Testing
@testable import Typology
// `Tag` alone would be ambiguous with Testing's.
import struct Typology.Tag

@Suite struct QueueProgressTests {
    private let queue = WorkQueue(name: "q", seed: 1, items: [
        .init(instance: "1", system: "A"), .init(instance: "2", system: "A"),
        .init(instance: "3", system: "A"), .init(instance: "4", system: "A"),
    ])

    /// An empty tag (looked at, nothing found) of system A's output.
    private func done(_ instance: String, by annotator: String, system: String? = "A") -> Tag {
        tag(instance, [], system: system, annotator: annotator)
    }

    @Test func countsTaggedItemsByAnyoneOrOneAnnotator() {
        let tags = [done("1", by: "ann"), done("3", by: "ann"), done("2", by: "bob"), done("4", by: "ann", system: nil),
                    done("9", by: "ann")]
        let anyone = queue.progress(tags: tags)
        #expect(anyone.done == [true, true, true, false])
        #expect(anyone.description == "3 / 4 tagged")
        let ann = queue.progress(tags: tags, annotator: "ann")
        #expect(ann.tagged == 2 && ann.total == 4)
    }

    @Test func nextUntaggedWrapsRound() {
        let progress = QueueProgress(done: [true, false, true, false])
        #expect(progress.nextUntagged() == 1)
        #expect(progress.nextUntagged(after: 1) == 3)
        #expect(progress.nextUntagged(after: 3) == 1)
        #expect(progress.nextUntagged(after: 9) == 1)
        #expect(QueueProgress(done: [true, true]).nextUntagged(after: 0) == nil)
        #expect(QueueProgress(done: []).nextUntagged() == nil)
    }
}
