/// Per-instance sufficient statistics of one metric, one row per instance.
///
/// Every slice score is `metric.score` of a sum of rows (see `CorpusMetric`), so the matrix is
/// the only input the slice, bootstrap and paired-test code needs. Row-major storage keeps one
/// instance's statistics adjacent, which is what resampling touches: a random row, then all of
/// its columns.
public struct StatisticsMatrix: Sendable, Equatable {
    /// Number of instances.
    public let rows: Int
    /// Statistics per instance (the metric's `statisticsCount`).
    public let width: Int
    /// Row-major values: row `i` is `values[i * width ..< (i + 1) * width]`.
    public private(set) var values: [Double]

    /// A zero-filled matrix.
    public init(rows: Int, width: Int) {
        precondition(rows >= 0 && width >= 0, "StatisticsMatrix needs non-negative dimensions")
        self.rows = rows
        self.width = width
        values = [Double](repeating: 0, count: rows * width)
    }

    /// A matrix over existing row-major values (`values.count` must be a multiple of `width`).
    public init(width: Int, values: [Double]) {
        precondition(width > 0 && values.count % width == 0, "values must hold whole rows")
        self.rows = values.count / width
        self.width = width
        self.values = values
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * width + column] }
        set { values[row * width + column] = newValue }
    }

    /// The statistics of one instance, as a copy.
    public func row(_ row: Int) -> [Double] {
        Array(values[row * width ..< (row + 1) * width])
    }

    /// Writes one instance's statistics in place, typically with a metric's `statistics` helper.
    public mutating func withMutableRow<Result>(
        _ row: Int, _ body: (UnsafeMutableBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        precondition(row >= 0 && row < rows, "row \(row) out of range 0..<\(rows)")
        return try values.withUnsafeMutableBufferPointer {
            try body(UnsafeMutableBufferPointer(rebasing: $0[row * width ..< (row + 1) * width]))
        }
    }

    /// Column-wise sum of the given rows (repeats count repeatedly), the input of `metric.score`.
    ///
    /// - Complexity: O(`rows.count` × `width`), with no bounds checks in the loop.
    public func sum(rows selection: some Collection<Int>) -> [Double] {
        var total = [Double](repeating: 0, count: width)
        let width = width, rowCount = rows
        values.withUnsafeBufferPointer { source in
            total.withUnsafeMutableBufferPointer { sums in
                guard let base = source.baseAddress, let out = sums.baseAddress else { return }
                for row in selection {
                    precondition(row >= 0 && row < rowCount, "row \(row) out of range 0..<\(rowCount)")
                    let start = base + row * width
                    for column in 0 ..< width { out[column] += start[column] }
                }
            }
        }
        return total
    }

    /// The given rows as a new matrix, in the given order.
    ///
    /// - Complexity: O(`rows.count` × `width`).
    public func gathering(rows selection: some Collection<Int>) -> StatisticsMatrix {
        var result = StatisticsMatrix(rows: selection.count, width: width)
        let width = width, rowCount = rows
        values.withUnsafeBufferPointer { source in
            result.values.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, var to = target.baseAddress else { return }
                for row in selection {
                    precondition(row >= 0 && row < rowCount, "row \(row) out of range 0..<\(rowCount)")
                    to.update(from: from + row * width, count: width)
                    to += width
                }
            }
        }
        return result
    }
}
