import ErrataTestSupport
import Testing
@testable import ErrataCore

/// Per-system columns of a long layout (MQM `categories`) in the slice language.
@Suite struct PerSystemColumnTests {
    static let mqm = """
        id,ref,system,hyp,categories,mqm
        1,r1,a,h1,"[""Accuracy/Omission""]",5
        1,r1,b,g1,[],0
        2,r2,a,h2,[],0
        2,r2,b,g2,"[""Fluency/Grammar"", ""Accuracy/Omission""]",6
        3,r3,a,h3,"[""Fluency/Grammar""]",1
        3,r3,b,g3,[],0

        """

    static func evaluator() throws -> SliceEvaluator {
        Analysis(dataset: try Fixtures.load("mqm.csv", mqm, roles: DatasetLoaderTests.longRoles)).evaluator
    }

    @Test func listColumnsSliceLikeMetrics() throws {
        let evaluator = try Self.evaluator()
        #expect(Array(try evaluator.rows(where: #""Accuracy/Omission" in categories(a)"#)) == [0])
        #expect(Array(try evaluator.rows(where: #""Accuracy/Omission" in categories(b)"#)) == [1])
        #expect(Array(try evaluator.rows(where: "mqm(a) > 0 and not mqm(b) > 0")) == [0, 2])
    }

    @Test func theBareNameSuggestsTheCall() throws {
        let evaluator = try Self.evaluator()
        do {
            _ = try evaluator.rows(where: #""Accuracy/Omission" in categories"#)
            Issue.record("expected an error")
        } catch let error as SliceError {
            #expect(error.message == "'categories' is a per-system column: write categories(SYSTEM), such as categories(a) (systems: a, b)")
        }
    }
}
