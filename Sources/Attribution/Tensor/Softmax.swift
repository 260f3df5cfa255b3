import CVectorMath
import Foundation

/// Row-wise softmax on raw storage, with an optional mask of columns that get probability 0.
enum Softmax {
    /// In place over `rows` rows of `columns` values at stride `stride`, each multiplied by
    /// `scale` first (attention's 1/√d). Masked columns (`allowed[c] == false`) count for
    /// neither the maximum nor the sum and get exactly 0, which equals an additive mask of −∞
    /// and matches the float32 result of BERT's large negative additive mask exactly. A row
    /// with every key masked attends to nothing rather than dividing by zero.
    static func forward(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int, scale: Float = 1, allowed: [Bool]?) {
        guard let allowed else { return errata_softmax_rows(values, rows, columns, stride, scale, nil) }
        precondition(allowed.count >= columns, "softmax mask shorter than its rows")
        allowed.withUnsafeBufferPointer { errata_softmax_rows(values, rows, columns, stride, scale, $0.baseAddress) }
    }

    /// In place: turns `dP` into `scale · P ⊙ (dP − Σ_c dP ⊙ P)` for each row (`scale` as given
    /// to `forward`).
    static func backward(probabilities p: UnsafePointer<Float>, gradient d: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
                         scale: Float = 1) {
        errata_softmax_backward_rows(p, d, rows, columns, scale)
    }
}
