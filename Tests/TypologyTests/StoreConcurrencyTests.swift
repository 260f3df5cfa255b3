import Dispatch
import ErrataTestSupport
import Foundation
import Testing
@testable import Typology

/// Two annotators on one file: two `TagStore`s, each with its own connection pool as two
/// processes would have, writing from many threads at once. (The tests across real processes,
/// including a kill in the middle of tagging, run the `errata` binary in ErrataCommandsTests.)
@Suite struct StoreConcurrencyTests {
    @Test func twoStoresWritingAtOnceLoseNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let stores = [f.store, try f.reopen()]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 400) { i in
            do {
                // Both annotators also make up the same new categories at the same moment.
                try stores[i % 2].add(tag("\(i)", ["Made up/\(i % 5)"], annotator: i % 2 == 0 ? "ana" : "bo"))
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.all == [])
        for store in stores {
            let tags = try store.tags()
            #expect(tags.count == 400)
            #expect(Set(tags.map(\.tag.instance)) == Set((0 ..< 400).map(String.init)))
            #expect(Set(tags.map(\.id)).count == 400)
        }
        #expect(try f.store.typology().paths.count == 6)
    }

    @Test func storesOpenedAtOnceOnANewFileAllMigrate() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("new/tags.sqlite").path
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            do {
                try TagStore(path: path).add(tag("\(i)", ["A"]))
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.all == [])
        #expect(try TagStore(path: path).tags().count == 6)
    }
}

/// Errors collected from worker threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func append(_ failure: String) {
        lock.lock()
        list.append(failure)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
