import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

/// Deep nesting is an error naming the limit and the token, never a stack overflow.
@Suite struct SliceDepthTests {
    let evaluator = Analysis(dataset: try! Fixtures.reviewsDataset()).evaluator

    func tooDeep(_ expression: String) -> SliceError? {
        do {
            _ = try evaluator.rows(where: expression)
            return nil
        } catch {
            return error as? SliceError
        }
    }

    @Test func deepInputsFailWithTheLimitAndTheirColumn() throws {
        let cases: [(String, Int)] = [
            (String(repeating: "(", count: 15_000) + "year > 2000" + String(repeating: ")", count: 15_000), 201),
            (String(repeating: "not ", count: 20_000) + "year > 2000", 801),
            (String(repeating: "abs(", count: 7_000) + "year" + String(repeating: ")", count: 7_000) + " > 0", 801),
            ("year > " + String(repeating: "-", count: 60_000) + "1", 208),
            (Array(repeating: "year > 2000", count: 100_000).joined(separator: " and "), 3_181),
            (Array(repeating: "year", count: 100_000).joined(separator: " + ") + " > 0", 1_399),
        ]
        for (expression, column) in cases {
            let error = try #require(tooDeep(expression), "\(expression.prefix(20))")
            #expect(error.message == SliceExpression.tooDeepMessage)
            #expect(error.message.contains("200 levels"))
            #expect(error.column == column, "\(expression.prefix(20))")
        }
    }

    @Test func theLimitItselfIsAccepted() throws {
        // 199 parentheses around one comparison: a tree of depth 2, nesting 199.
        let parenthesised = String(repeating: "(", count: 199) + "year > 2000" + String(repeating: ")", count: 199)
        #expect(try evaluator.rows(where: parenthesised).count == 10)
        // A chain of 100 `or`s: depth 101 + 1 for the comparisons.
        let chain = (1 ... 100).map { "year == \(2000 + $0)" }.joined(separator: " or ")
        #expect(try evaluator.rows(where: chain).count == 10)
        #expect(try SliceExpression.parse(chain).depth == 101)
    }

    @Test func treesBuiltInCodeAreBoundedByTheEvaluator() throws {
        var filter = try SliceExpression.parse("year > 2000")
        for _ in 0 ..< 300 { filter = .and(filter, .boolean(true)) }
        #expect(filter.depth == 302)
        let error = try #require(throws: SliceError.self) { try evaluator.rows(where: filter, source: "(built)") }
        #expect(error.message == SliceExpression.tooDeepMessage)
    }
}
