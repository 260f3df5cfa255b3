import Foundation

/// Row-wise softmax on raw storage, with an optional mask of columns that get probability 0.
enum Softmax {
    /// In place over `rows` rows of `columns` values at stride `stride`. Masked columns
    /// (`allowed[c] == false`) count for neither the maximum nor the sum and get exactly 0,
    /// which equals an additive mask of −∞ and matches the float32 result of BERT's large
    /// negative additive mask exactly.
    static func forward(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int, allowed: [Bool]?) {
        for r in 0 ..< rows {
            let row = values + r * stride
            var largest = -Float.infinity
            for c in 0 ..< columns where allowed?[c] ?? true { largest = max(largest, row[c]) }
            Lanes.forEach(0 ..< columns) { c, count in
                Lanes.store(FastExp.exp(Lanes.load(row + c, count: count) - largest), row + c, count: count)
            }
            if let allowed { for c in 0 ..< columns where !allowed[c] { row[c] = 0 } }
            var sum: Float = 0
            for c in 0 ..< columns { sum += row[c] }
            // A row with every key masked attends to nothing rather than dividing by zero.
            let scale = sum > 0 ? 1 / sum : 0
            for c in 0 ..< columns { row[c] *= scale }
        }
    }

    /// In place: turns `dP` into `dS = P ⊙ (dP − Σ_c dP ⊙ P)` for each row.
    static func backward(probabilities p: UnsafePointer<Float>, gradient d: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        for r in 0 ..< rows {
            let pr = p + r * columns, dr = d + r * columns
            var dot: Float = 0
            for c in 0 ..< columns { dot += pr[c] * dr[c] }
            for c in 0 ..< columns { dr[c] = pr[c] * (dr[c] - dot) }
        }
    }
}
