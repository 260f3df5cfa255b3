import ErrataCore

/// Draws indices `0 ..< count` with Zipf-like weights `1 / (rank + offset)`.
///
/// Real categorical metadata and word frequencies are skewed; uniform draws would make every
/// group the same size and every slice equally selective, which flatters no engine and
/// misleads about group-by costs.
struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    init(count: Int, offset: Double = 1) {
        var total = 0.0
        cumulative = (0 ..< count).map { rank in
            total += 1 / (Double(rank) + offset)
            return total
        }
    }

    init(weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    /// One index, by binary search over the cumulative weights.
    func draw(_ generator: inout SeededGenerator) -> Int {
        let target = generator.nextUnit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension SeededGenerator {
    /// A uniform double in [0, 1) from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `range`.
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextIndex(below: range.count)
    }
}
