/// A dense row-major matrix of single-precision values: the one tensor type of the transformer.
///
/// Activations are `[tokens, features]`, weights keep the PyTorch `Linear` layout
/// `[outputs, inputs]`, so a layer is `x · Wᵀ` (see `MatrixMultiply`).
public struct Matrix: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var values: [Float]

    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "Matrix \(rows)x\(columns) needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public init(zeros rows: Int, _ columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
    }

    /// A matrix whose every value `fill` writes, given the start of the storage: no zeroing
    /// pass and no copy first, for the element-wise layers that overwrite all of it.
    init(rows: Int, columns: Int, filling fill: (UnsafeMutablePointer<Float>) -> Void) {
        let count = rows * columns
        self.init(rows: rows, columns: columns, values: [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count > 0 { fill(base) }
            initialized = count
        })
    }

    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One row as a new array.
    public func row(_ row: Int) -> [Float] {
        Array(values[row * columns ..< (row + 1) * columns])
    }

    /// Rows `range` as a new matrix.
    public func rows(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, columns: columns, values: Array(values[range.lowerBound * columns ..< range.upperBound * columns]))
    }

    /// The matrices stacked on top of each other (same column count).
    public static func stacking(_ parts: [Matrix]) -> Matrix {
        let columns = parts.first?.columns ?? 0
        var values: [Float] = []
        values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        for part in parts {
            precondition(part.columns == columns, "stacked matrices differ in width")
            values += part.values
        }
        return Matrix(rows: values.count / max(columns, 1), columns: columns, values: values)
    }
}
