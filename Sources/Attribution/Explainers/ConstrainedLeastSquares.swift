/// Weighted least squares for the linear model of KernelSHAP under the efficiency constraint.
///
/// Minimises Σ_k w_k (y_k − z_k · φ)² subject to Σ_i φ_i = total, where z_k ∈ {0, 1}^M is a
/// coalition. The constraint is eliminated (φ_M = total − Σ_{i<M} φ_i, as shap does), so it holds
/// to the rounding of one subtraction whatever the data; the remaining unconstrained problem in
/// M − 1 unknowns is solved by Householder QR of the √w-scaled design in Double, which keeps the
/// condition number of the design rather than squaring it as the normal equations would.
enum ConstrainedLeastSquares {
    /// A pivot below this fraction of the largest column norm means the coalitions do not
    /// determine every value.
    static let rankTolerance = 1e-10

    /// - Complexity: O(K · M²) for K coalitions with positive weight and M players.
    static func solve(coalitions: [[Bool]], targets: [Double], weights: [Double], total: Double, players m: Int) throws -> [Double] {
        if m == 1 { return [total] }
        let p = m - 1
        let rows = weights.indices.filter { weights[$0] > 0 }
        let n = rows.count
        guard n >= p else { throw AttributionError.underdeterminedRegression(coalitions: n, players: m) }
        // Column-major design a[j * n + r] and right-hand side b, both scaled by √w.
        var a = [Double](repeating: 0, count: n * p)
        var b = [Double](repeating: 0, count: n)
        for (r, k) in rows.enumerated() {
            let scale = weights[k].squareRoot()
            let last: Double = coalitions[k][p] ? 1 : 0
            for j in 0 ..< p {
                a[j * n + r] = scale * ((coalitions[k][j] ? 1 : 0) - last)
            }
            b[r] = scale * (targets[k] - last * total)
        }
        var largestColumn = 0.0
        for j in 0 ..< p {
            var sum = 0.0
            for r in 0 ..< n { sum += a[j * n + r] * a[j * n + r] }
            largestColumn = max(largestColumn, sum.squareRoot())
        }
        var diagonal = [Double](repeating: 0, count: p)
        for j in 0 ..< p {
            var norm = 0.0
            for r in j ..< n { norm += a[j * n + r] * a[j * n + r] }
            norm = norm.squareRoot()
            guard norm > rankTolerance * largestColumn else {
                throw AttributionError.underdeterminedRegression(coalitions: n, players: m)
            }
            let alpha = a[j * n + j] > 0 ? -norm : norm
            // Householder vector v = x − αe₁, stored in place of column j.
            a[j * n + j] -= alpha
            var vNorm = 0.0
            for r in j ..< n { vNorm += a[j * n + r] * a[j * n + r] }
            for k in (j + 1) ..< p {
                var dot = 0.0
                for r in j ..< n { dot += a[j * n + r] * a[k * n + r] }
                let factor = 2 * dot / vNorm
                for r in j ..< n { a[k * n + r] -= factor * a[j * n + r] }
            }
            var dot = 0.0
            for r in j ..< n { dot += a[j * n + r] * b[r] }
            let factor = 2 * dot / vNorm
            for r in j ..< n { b[r] -= factor * a[j * n + r] }
            diagonal[j] = alpha
        }
        // Back substitution with R (upper triangle of a above the diagonal, `diagonal` on it).
        var phi = [Double](repeating: 0, count: m)
        for j in stride(from: p - 1, through: 0, by: -1) {
            var sum = b[j]
            for k in (j + 1) ..< p { sum -= a[k * n + j] * phi[k] }
            phi[j] = sum / diagonal[j]
        }
        phi[p] = total - phi[0 ..< p].reduce(0, +)
        return phi
    }
}
