import Foundation

/// A cell of class probabilities: a JSON object (`{"positive": 0.9, "negative": 0.1}`) or
/// array (`[0.1, 0.9]`) of numbers.
enum ProbabilityCell {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> [Double]? {
        guard let first = b.first else { return nil }
        let data = Data(b)
        if first == UInt8(ascii: "{") {
            return (try? JSONDecoder().decode([String: Double].self, from: data)).map { Array($0.values) }
        }
        if first == UInt8(ascii: "[") {
            return try? JSONDecoder().decode([Double].self, from: data)
        }
        return nil
    }
}
