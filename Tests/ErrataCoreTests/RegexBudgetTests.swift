import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// Regular expressions that backtrack catastrophically stop with an error, and any regular
/// expression stops when the caller cancels.
@Suite struct RegexBudgetTests {
    /// Row 1 is ordinary, row 2 a trap for every pattern below (forty `a`s that no `$` or `b`
    /// follows), row 3 nineteen `a`s spread over 400 characters.
    static func evaluator() throws -> SliceEvaluator {
        let trap = String(repeating: "a", count: 40) + "!"
        let spread = String(repeating: String(repeating: "x", count: 20) + "a", count: 19)
        let file = "id,text\n1,hello\n2,\(trap)\n3,\(spread)\n"
        var roles = ColumnRoles()
        roles.id = "id"
        roles.inputs = ["text"]
        return SliceEvaluator(dataset: try Fixtures.load("trap.csv", file, roles: roles))
    }

    @Test(.timeLimit(.minutes(2)), arguments: [("(a+)+$", 2), ("(a|aa)+$", 2), ("(a*)*b", 2), ("(.*a){20}", 2)])
    func catastrophicPatternsStopWithALocatedError(pattern: String, row: Int) throws {
        let evaluator = try Self.evaluator()
        let expression = "text matches /\(pattern)/"
        let started = ContinuousClock.now
        let error = try #require(throws: SliceError.self) { try evaluator.rows(where: expression) }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(error.column == 6 && error.length == 7)
        #expect(error.message.hasPrefix("/\(pattern)/ needs too much work on instance \(row) (over 20 million steps on one text"))
    }

    @Test func ordinaryPatternsStillMatch() throws {
        #expect(Array(try Self.evaluator().rows(where: "text matches /^a+!$/ or text matches /ell/")) == [0, 1])
    }

    @Test(.timeLimit(.minutes(2))) func cancellingStopsAMatchInProgress() throws {
        var evaluator = try Self.evaluator()
        let asked = Counter()
        // Not cancelled for the first texts, then cancelled during the trap's match.
        evaluator.isCancelled = { asked.increment() > 3 }
        #expect(throws: CancellationError.self) { try evaluator.rows(where: "text matches /(a+)+$/") }
        #expect(asked.value == 4)
    }
}

/// A count shared with a `@Sendable` closure.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() -> Int { lock.withLock { count += 1; return count } }
}
