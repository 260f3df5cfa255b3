import ErrataTestSupport
import Foundation
import GRDB
import Testing
@testable import Typology

/// Category paths are bounded in depth, and a write kept waiting by another writer fails with
/// a message naming the store rather than SQLite's "database is locked".
@Suite struct CategoryDepthTests {
    static func path(depth: Int) -> String {
        (1 ... depth).map { "c\($0)" }.joined(separator: "/")
    }

    @Test(.timeLimit(.minutes(1))) func deepPathsAreRefusedQuickly() throws {
        #expect(CategoryPath(Self.path(depth: 10_000)) == nil)
        #expect(CategoryPath(Self.path(depth: 33)) == nil)
        #expect(CategoryPath(Self.path(depth: 32))?.components.count == 32)
        #expect(CategoryPath.syntax == "names separated by '/', at most 32 levels")
    }

    @Test func theStoreRefusesToNestDeeper() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.store.add(tag("1", [Self.path(depth: 32)]))
        let deep = CategoryPath(components: (1 ... 33).map { "c\($0)" })
        #expect(throws: TypologyError.tooDeep(deep)) { try fixture.store.createCategory(deep) }
        #expect(throws: TypologyError.tooDeep(deep)) {
            try fixture.store.add(Tag(instance: "2", system: nil, categories: [deep], severity: nil, note: "", annotator: "ana", time: "2026-11-26T22:40:01.123Z"))
        }
        // Moving the 32-level chain's top under another category would make it 33 deep.
        try fixture.store.createCategory(cat("other"))
        #expect(throws: TypologyError.tooDeep(cat("other/c1"))) { try fixture.store.moveCategory(cat("c1"), under: cat("other")) }
        #expect(TypologyError.tooDeep(deep).description == "'c1/c2/c3/...' would be 33 levels deep; categories nest at most 32")
        #expect(try fixture.store.tags().count == 1)
    }

    @Test(.timeLimit(.minutes(1))) func aWriteKeptWaitingFailsWithTheStoreAndWhatToDo() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let waiting = try TagStore(path: fixture.path, busyTimeout: 0.5)
        // Another connection holds the write lock, on a thread of its own, for longer than the
        // other's timeout.
        let holder = try DatabaseQueue(path: fixture.path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.inTransaction(.immediate) { _ in
                locked.signal()
                release.wait()
                return .rollback
            }
            released.signal()
        }
        locked.wait()
        let started = ContinuousClock.now
        let error = try #require(throws: TagStoreError.self) { try waiting.add(tag("1", ["A"])) }
        #expect(ContinuousClock.now - started >= .milliseconds(400))
        #expect(error.path == fixture.path)
        #expect(error.problem.hasPrefix("another errata has held the tag store's write lock for more than"))
        #expect(error.advice.hasPrefix("nothing was written"))
        release.signal()
        released.wait()
        try waiting.add(tag("1", ["A"]))
        #expect(try waiting.tags().count == 1)
    }
}
