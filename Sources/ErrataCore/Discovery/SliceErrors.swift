/// The error of each row as the slice search sums it.
///
/// Classification errors are 0 or 1; they are kept as a mask, so a slice's error is one
/// popcount of an intersection. Graded errors (1 - chrF / 100, an MQM score, a difference of
/// two systems) are summed row by row over the slice's members.
public enum SliceErrors: Sendable {
    case binary(RowMask)
    case graded([Double])

    /// Binary when every value is 0 or 1, graded otherwise. Values must be finite and not negative.
    public init(_ values: [Double]) {
        precondition(values.allSatisfy { $0.isFinite && $0 >= 0 }, "slice errors must be finite and not negative")
        if values.allSatisfy({ $0 == 0 || $0 == 1 }) {
            var mask = RowMask(count: values.count)
            for (row, value) in values.enumerated() where value == 1 { mask.insert(row) }
            self = .binary(mask)
        } else {
            self = .graded(values)
        }
    }

    public var count: Int {
        switch self {
        case .binary(let mask): mask.count
        case .graded(let values): values.count
        }
    }

    public var isBinary: Bool {
        if case .binary = self { return true }
        return false
    }

    /// Sum, sum of squares and maximum over all rows.
    public var totals: SliceTotals {
        switch self {
        case .binary(let mask):
            let errors = Double(mask.cardinality)
            return SliceTotals(size: mask.count, errorSum: errors, errorSquares: errors, maxError: errors > 0 ? 1 : 0)
        case .graded(let values):
            var totals = SliceTotals(size: values.count, errorSum: 0, errorSquares: 0, maxError: 0)
            for value in values {
                totals.errorSum += value
                totals.errorSquares += value * value
                totals.maxError = max(totals.maxError, value)
            }
            return totals
        }
    }

    /// The totals of the rows in both `a` and `b` (masks of `count` rows; pass one mask twice
    /// for the rows of one), intersected a word at a time and never stored.
    @inline(__always)
    func totals(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> SliceTotals {
        var size = 0
        switch self {
        case .binary(let mask):
            var errors = 0
            mask.words.withUnsafeBufferPointer { errorWords in
                for i in 0 ..< a.count {
                    let word = a[i] & b[i]
                    size &+= word.nonzeroBitCount
                    errors &+= (word & errorWords[i]).nonzeroBitCount
                }
            }
            return SliceTotals(size: size, errorSum: Double(errors), errorSquares: Double(errors), maxError: errors > 0 ? 1 : 0)
        case .graded(let values):
            var sum = 0.0, squares = 0.0, maximum = 0.0
            values.withUnsafeBufferPointer { values in
                for i in 0 ..< a.count {
                    var word = a[i] & b[i]
                    size &+= word.nonzeroBitCount
                    while word != 0 {
                        let value = values[i << 6 | word.trailingZeroBitCount]
                        sum += value
                        squares += value * value
                        maximum = max(maximum, value)
                        word &= word &- 1
                    }
                }
            }
            return SliceTotals(size: size, errorSum: sum, errorSquares: squares, maxError: maximum)
        }
    }
}

/// What the search and the tests need of a slice: its size and the sum, sum of squares and
/// maximum of its rows' errors.
public struct SliceTotals: Sendable, Equatable {
    public var size: Int
    public var errorSum: Double
    public var errorSquares: Double
    public var maxError: Double

    public init(size: Int, errorSum: Double, errorSquares: Double, maxError: Double) {
        self.size = size
        self.errorSum = errorSum
        self.errorSquares = errorSquares
        self.maxError = maxError
    }
}
