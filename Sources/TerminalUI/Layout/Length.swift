/// The size of one part when a `Rect` is split into rows or columns.
///
/// Fixed parts are served first, in order, and cut when space runs out (a small terminal
/// loses the last fixed parts, never a negative size). What is left is shared among the
/// `fill` parts by weight; cells that do not divide evenly go to the first fill parts, so
/// the split is deterministic and always adds up to the whole.
public enum Length: Hashable, Sendable {
    case fixed(Int)
    case fill(weight: Int)

    /// A fill part of weight 1.
    public static let fill = Length.fill(weight: 1)

    static func distribute(_ total: Int, among lengths: [Length]) -> [Int] {
        var remaining = max(0, total)
        var sizes = lengths.map { length -> Int in
            guard case .fixed(let size) = length else { return 0 }
            let taken = min(max(0, size), remaining)
            remaining -= taken
            return taken
        }
        let weights = lengths.map { length -> Int in
            if case .fill(let weight) = length { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var shared = 0
        for index in sizes.indices where weights[index] > 0 {
            sizes[index] = remaining * weights[index] / totalWeight
            shared += sizes[index]
        }
        var leftover = remaining - shared
        for index in sizes.indices where weights[index] > 0 && leftover > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}
