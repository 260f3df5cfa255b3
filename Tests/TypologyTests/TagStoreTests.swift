import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
@testable import Typology

@Suite struct TagStoreTests {
    @Test func addsTagsAndReadsThemInIdOrder() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let first = try f.store.add(tag("7", ["Accuracy/Omission"], system: "bert", note: "drops 'not'"))
        let second = try f.store.add(tag("3", ["Fluency", "Accuracy"]))
        let third = try f.store.add(tag("7", ["Accuracy/Omission"], system: "lr"))
        #expect(first.id < second.id && second.id < third.id)
        #expect(try f.store.tags() == [first, second, third])
        #expect(first.tag == tag("7", ["Accuracy/Omission"], system: "bert", note: "drops 'not'"))
        #expect(try f.store.tags(instance: "7") == [first, third])
        #expect(try f.store.tags(instance: "nope") == [])
        // Unknown categories (and their parents) were created, in the order first used.
        #expect(try f.store.typology().paths.map(\.description) == ["Accuracy", "Accuracy/Omission", "Fluency"])
    }

    @Test func keepsEachCategoryOnceInTheOrderGiven() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let stored = try f.store.add(tag("1", ["B", "A", "B"]))
        #expect(stored.tag.categories == [cat("B"), cat("A")])
        #expect(try f.store.tagged() == ["1: B, A"])
    }

    @Test func checksSeveritiesOnlyWhenTheTypologyHasThem() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["A"], severity: "anything"))
        try f.store.importTypology(Typology(name: "mqm", severities: ["minor", "major"], categories: []))
        try f.store.add(tag("2", ["A"], severity: "major"))
        #expect(throws: TypologyError.unknownSeverity("huge", known: ["minor", "major"])) {
            try f.store.add(tag("3", ["A"], severity: "huge"))
        }
        #expect(try f.store.tags().map(\.tag.severity) == ["anything", "major"])
        #expect(TypologyError.unknownSeverity("huge", known: ["minor", "major"]).description
            == "no severity 'huge' (the typology has 'minor', 'major')")
    }

    @Test func replacesAndDeletesTags() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.store.add(tag("1", ["A"]))
        let b = try f.store.add(tag("2", ["B"]))
        try f.store.replace(a.id, with: tag("1", ["C/D", "B"], note: "second look"))
        #expect(try f.store.tags() == [StoredTag(id: a.id, tag: tag("1", ["C/D", "B"], note: "second look")), b])
        try f.store.delete(b.id)
        #expect(try f.store.tagged() == ["1: C/D, B"])
        #expect(throws: TypologyError.unknownTag(b.id)) { try f.store.delete(b.id) }
        #expect(throws: TypologyError.unknownTag(999)) { try f.store.replace(999, with: tag("1", ["A"])) }
    }

    @Test func importsATypologyAddingOnlyWhatIsMissing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["Accuracy/Made up"], severity: "minor"))
        try f.store.createCategory(cat("Other"), key: "m")
        let preset = Typology(name: "mqm", severities: ["minor", "major"], categories: [
            .init("Accuracy", "meaning", key: "a", children: [.init("Omission", key: "o")]),
            .init("Style", key: "m"),
        ])
        try f.store.importTypology(preset)
        try f.store.importTypology(Typology(name: "second", severities: ["critical"], categories: []))
        #expect(try f.store.typology() == Typology(name: "mqm", severities: ["minor", "major", "critical"], categories: [
            // Accuracy existed (made up while tagging): its child kept, the preset's description,
            // key and child added.
            .init("Accuracy", "meaning", key: "a", children: [.init("Made up"), .init("Omission", key: "o")]),
            .init("Other", key: "m"),
            // Its key is held by Other, so it comes without one.
            .init("Style"),
        ]))
        #expect(try f.store.tagged() == ["1: Accuracy/Made up"])
    }

    @Test func reopeningKeepsTagsTypologyAndQueues() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.importTypology(Typology(name: "t", severities: ["minor"], categories: [.init("A", key: "a")]))
        try f.store.add(tag("1", ["A/B"], severity: "minor"))
        let queue = WorkQueue(name: "errors", filter: "gold != pred", strata: "genre", seed: 7,
                              items: [.init(instance: "1", system: "bert"), .init(instance: "2")])
        try f.store.saveQueue(queue)
        let reopened = try f.reopen()
        #expect(try reopened.tags() == f.store.tags())
        #expect(try reopened.typology() == f.store.typology())
        #expect(try reopened.typology().paths.map(\.description) == ["A", "A/B"])
        #expect(try reopened.queue(named: "errors") == queue)
        #expect(try reopened.queue(named: "other") == nil)
        var shorter = queue
        shorter.items.removeLast()
        try reopened.saveQueue(WorkQueue(name: "later", seed: 1, items: []))
        #expect(try reopened.queueNames() == ["later", "errors"])
        try reopened.saveQueue(shorter)
        #expect(try f.store.queue(named: "errors") == shorter)
        #expect(try f.store.queueNames() == ["errors", "later"])
    }

    @Test func createsItsFolderBesideTheData() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        #expect(FileManager.default.fileExists(atPath: f.path))
        let dataset = try Fixtures.reviewsDataset()
        #expect(TagStore.path(for: dataset) == SavedSlices.projectDirectory(for: dataset) + "/tags.sqlite")
        #expect(TagStore.path(for: dataset).hasSuffix("/.errata/\(dataset.name)/tags.sqlite"))
    }
}
