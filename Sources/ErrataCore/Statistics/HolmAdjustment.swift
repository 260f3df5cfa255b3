/// Holm's step-down adjusted p-values (Holm, "A simple sequentially rejective multiple test
/// procedure", Scandinavian Journal of Statistics 1979), in the order of the input.
///
/// With the m p-values sorted ascending, the i-th smallest (1-based) is adjusted to
/// `max over j ≤ i of min(1, (m - j + 1) p_(j))`: rejecting every hypothesis whose adjusted
/// value is below α controls the family-wise error rate at α under any dependence, and is
/// uniformly more powerful than Bonferroni. The running maximum makes the adjusted values
/// monotone in the raw ones. Matches statsmodels' `multipletests(method="holm")`.
///
/// - Complexity: O(m log m).
public func holmAdjusted(_ pValues: [Double]) -> [Double] {
    precondition(pValues.allSatisfy { (0 ... 1).contains($0) }, "p-values must lie in 0...1")
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var adjusted = [Double](repeating: 0, count: m)
    var runningMaximum = 0.0
    for (rank, index) in order.enumerated() {
        runningMaximum = max(runningMaximum, min(1, Double(m - rank) * pValues[index]))
        adjusted[index] = runningMaximum
    }
    return adjusted
}
