import Foundation
import Testing
@testable import ErrataCore

/// Reads the JSON fixtures under `Fixtures/statistics`, whose generating scripts sit beside them.
enum StatisticsFixtures {
    static func load<Value: Decodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/statistics"))
        return try JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
    }

    /// A matrix filled row by row by `fill`.
    static func matrix(rows: Int, width: Int, _ fill: (Int, UnsafeMutableBufferPointer<Double>) -> Void) -> StatisticsMatrix {
        var matrix = StatisticsMatrix(rows: rows, width: width)
        for row in 0 ..< rows { matrix.withMutableRow(row) { fill(row, $0) } }
        return matrix
    }
}
