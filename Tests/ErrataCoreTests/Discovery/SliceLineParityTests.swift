import Foundation
import Testing
@testable import ErrataCore

/// errata's SliceLine against the `sliceline` package on the same integer-coded features,
/// errors and parameters (fixtures written by `Fixtures/sliceline/make_fixtures.py`).
struct SliceLineParityTests {
    struct Fixture: Decodable {
        struct Slice: Decodable {
            let items: [Int]
            let score: Double
            let size: Int
            let error_sum: Double
            let max_error: Double
        }

        let alpha: Double
        let k: Int
        let max_l: Int
        let min_sup: Int
        let levels: [Int]
        let codes: [[Int32]]
        let errors: [Double]
        let top: [Slice]
    }

    static func fixture(_ name: String) throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/sliceline"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test(arguments: ["rotten-tomatoes-bow", "rotten-tomatoes-bow-small", "planted-binary", "planted-graded"])
    func topSlicesMatchSliceline(_ name: String) throws {
        let f = try Self.fixture(name)
        let items = ItemMatrix(codes: f.codes, levels: f.levels, rows: f.errors.count)
        let parameters = SliceLineParameters(alpha: f.alpha, k: f.k, maxLevel: f.max_l, minSupport: f.min_sup)
        let result = try SliceLine.search(items, errors: SliceErrors(f.errors), parameters: parameters)
        #expect(result.top.count == f.top.count)
        for (mine, theirs) in zip(result.top, f.top) {
            #expect(mine.items == theirs.items)
            #expect(abs(mine.score - theirs.score) <= 1e-9)
            #expect(mine.totals.size == theirs.size)
            #expect(abs(mine.totals.errorSum - theirs.error_sum) <= 1e-9)
            #expect(abs(mine.totals.maxError - theirs.max_error) <= 1e-12)
        }
    }

    /// Pruning must not change the answer: the same top slices as scoring every conjunction.
    @Test func pruningKeepsTheExhaustiveTopK() throws {
        let f = try Self.fixture("planted-binary")
        let items = ItemMatrix(codes: f.codes, levels: f.levels, rows: f.errors.count)
        let errors = SliceErrors(f.errors)
        let parameters = SliceLineParameters(alpha: f.alpha, k: 6, maxLevel: 2, minSupport: f.min_sup)
        let found = try SliceLine.search(items, errors: errors, parameters: parameters)
        let scoring = SliceLineScore(alpha: f.alpha, rows: f.errors.count, averageError: errors.totals.errorSum / Double(f.errors.count),
                                     minSupport: f.min_sup)
        var all: [FoundSlice] = []
        let count = items.masks.count
        for a in 0 ..< count {
            for b in a ..< count where a == b || items.features[a] != items.features[b] {
                let both = zip(items.masks[a].words, items.masks[b].words).map { $0 & $1 }
                let totals = both.withUnsafeBufferPointer { errors.totals($0, $0) }
                let score = scoring.score(size: totals.size, errors: totals.errorSum)
                let single = a == b
                let parentsValid = [a, b].allSatisfy { i in
                    let t = items.masks[i].words.withUnsafeBufferPointer { errors.totals($0, $0) }
                    return t.size >= f.min_sup && t.errorSum > 0
                }
                if totals.size >= f.min_sup, score > 0, single || parentsValid {
                    all.append(FoundSlice(items: single ? [a] : [a, b], totals: totals, score: score))
                }
            }
        }
        let expected = SliceLine.topK(all, k: 6)
        #expect(found.top.map(\.items) == expected.map(\.items))
        #expect(found.top.map(\.score) == expected.map(\.score))
    }
}
