/// A chance-corrected agreement coefficient, or why there is none.
public struct Coefficient: Sendable, Equatable {
    /// Kappa or alpha; nil when undefined.
    public var value: Double?
    /// The share of agreeing judgements (pairs of them, for alpha); nil with no judgements.
    public var observed: Double?
    /// Why `value` is nil.
    public var reason: String?

    static let noVariation = "no variation: every judgement has the same value, so chance agreement is perfect"
}

/// Cohen's kappa for two annotators' nominal judgements of the same units (Cohen, "A
/// coefficient of agreement for nominal scales", 1960).
///
/// `κ = (p_o − p_e) / (1 − p_e)` with `p_o` the share of units judged alike and
/// `p_e = Σ_c p_1(c) p_2(c)` from each annotator's own value frequencies. Computed from counts,
/// `κ = (n·a − Σ_c n_1(c) n_2(c)) / (n² − Σ_c n_1(c) n_2(c))` with `a` agreeing units, so that
/// "undefined" (both annotators always give the same one value, `p_e = 1`) is an exact test.
public func cohenKappa<Value: Hashable>(_ pairs: [(Value, Value)]) -> Coefficient {
    guard !pairs.isEmpty else { return Coefficient(value: nil, observed: nil, reason: "no unit judged by both") }
    let n = pairs.count
    let agreeing = pairs.count(where: { $0.0 == $0.1 })
    var first: [Value: Int] = [:], second: [Value: Int] = [:]
    for (a, b) in pairs {
        first[a, default: 0] += 1
        second[b, default: 0] += 1
    }
    let chance = first.reduce(0) { $0 + $1.value * second[$1.key, default: 0] }
    let observed = Double(agreeing) / Double(n)
    guard chance < n * n else { return Coefficient(value: nil, observed: observed, reason: Coefficient.noVariation) }
    return Coefficient(value: Double(n * agreeing - chance) / Double(n * n - chance), observed: observed, reason: nil)
}

/// Krippendorff's alpha for nominal judgements by any number of coders, some missing
/// (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
///
/// `units[u][j]` is coder `j`'s value for unit `u`, nil when the coder did not judge it. Only
/// units with two or more values are pairable. Each such unit adds `1 / (m_u − 1)` to the
/// coincidence `o_ck` for every ordered pair of its values from different coders; `n_c = Σ_k
/// o_ck` and `n = Σ_c n_c` (the pairable values). Then
/// `α = 1 − D_o / D_e = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k`,
/// undefined when only one value occurs (`D_e = 0`). `observed` is `Σ_c o_cc / n`.
public func krippendorffAlpha<Value: Hashable>(_ units: [[Value?]]) -> Coefficient {
    // Values are numbered by first appearance so that every sum runs in the same order on
    // every run: the result is reproducible to the last bit.
    var codes: [Value: Int] = [:]
    var coincidences: [[Double]] = []
    for unit in units {
        let values = unit.compactMap { $0 }
        guard values.count >= 2 else { continue }
        let unitCodes = values.map { value in
            if let code = codes[value] { return code }
            codes[value] = coincidences.count
            for row in coincidences.indices { coincidences[row].append(0) }
            coincidences.append(Array(repeating: 0, count: coincidences.count + 1))
            return coincidences.count - 1
        }
        let weight = 1 / Double(values.count - 1)
        for (i, c) in unitCodes.enumerated() {
            for (j, k) in unitCodes.enumerated() where i != j {
                coincidences[c][k] += weight
            }
        }
    }
    let totals = coincidences.map { $0.reduce(0, +) }
    let n = totals.reduce(0, +)
    guard n > 0 else { return Coefficient(value: nil, observed: nil, reason: "no unit has two or more judgements") }
    let agreeing = coincidences.indices.reduce(0) { $0 + coincidences[$1][$1] }
    // Σ_{c≠k} n_c n_k = n² − Σ_c n_c²
    let expectedDisagreement = n * n - totals.reduce(0) { $0 + $1 * $1 }
    guard expectedDisagreement > 0 else { return Coefficient(value: nil, observed: agreeing / n, reason: Coefficient.noVariation) }
    return Coefficient(value: 1 - (n - 1) * (n - agreeing) / expectedDisagreement, observed: agreeing / n, reason: nil)
}
