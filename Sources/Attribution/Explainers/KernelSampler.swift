import ErrataCore

/// The coalitions of KernelSHAP and their regression weights, chosen as shap's KernelExplainer
/// chooses them (Lundberg & Lee 2017).
///
/// Sizes s and M − s are paired (a coalition and its complement carry the same kernel weight).
/// Size classes are taken in order of decreasing weight per coalition (s = 1 first); a class is
/// enumerated whole when the budget left, spread over the remaining kernel mass, affords every
/// one of its coalitions. The rest of the budget is drawn at random: a size from the remaining
/// kernel mass, then a uniform coalition of that size together with its complement (paired
/// sampling, which lowers the variance; Covert & Lee 2021). A coalition drawn again adds weight
/// instead of an evaluation. Enumerated coalitions weigh their exact kernel share; the drawn
/// ones share the remaining mass in proportion to their draw counts.
struct KernelSampler {
    let playerCount: Int
    /// Distinct coalitions, the enumerated ones first.
    private(set) var coalitions: [[Bool]] = []
    /// Weights of the enumerated coalitions (the first `fixedWeights.count` of `coalitions`).
    private(set) var fixedWeights: [Double] = []
    /// Each random draw: the indices in `coalitions` it adds weight to (a coalition and, for a
    /// paired size, its complement).
    private(set) var draws: [[Int]] = []
    /// The kernel mass left to the drawn coalitions.
    private(set) var weightLeft = 0.0
    private let sampleBudget: Int
    private var attemptsLeft: Int
    private var budgetSpent = false
    private var sizes: [Int] = []
    private var cumulative: [Double] = []
    private var pairedSizeLimit = 0
    private var index: [[Bool]: Int] = [:]
    private var generator: SeededGenerator

    /// Plans the enumerated classes as if `enumerationBudget` coalitions were to be spent, and
    /// lets draws continue up to `sampleBudget` distinct coalitions (v(∅) and v(N) excluded in
    /// both). The fixed-budget estimator passes the same number twice, as shap does; the anytime
    /// mode plans for its first batch only, so that its first estimate comes early.
    /// - Complexity: O(E · M) for E enumerated coalitions (E ≤ enumerationBudget).
    init(playerCount m: Int, enumerationBudget: Int, sampleBudget: Int, seed: UInt64) {
        playerCount = m
        self.sampleBudget = sampleBudget
        attemptsLeft = 4 * sampleBudget
        generator = SeededGenerator(seed: seed)
        guard m >= 2 else { return }
        let sizeCount = m / 2
        pairedSizeLimit = (m - 1) / 2
        var weights = (1 ... sizeCount).map { s in Double(m - 1) / Double(s * (m - s)) * (s <= pairedSizeLimit ? 2 : 1) }
        let mass = weights.reduce(0, +)
        weights = weights.map { $0 / mass }
        var remaining = weights
        var left = Double(min(enumerationBudget, sampleBudget))
        var enumerated = 0
        for s in 1 ... sizeCount {
            let paired = s <= pairedSizeLimit
            let classSize = binomial(m, s) * (paired ? 2 : 1)
            guard left * remaining[s - 1] / classSize >= 1 - 1e-8 else { break }
            enumerated = s
            left -= classSize
            if remaining[s - 1] < 1 {
                let rest = 1 - remaining[s - 1]
                remaining = remaining.map { $0 / rest }
            }
            let weight = weights[s - 1] / binomial(m, s) / (paired ? 2 : 1)
            forEachCombination(of: s, from: m) { members in
                var coalition = [Bool](repeating: false, count: m)
                for i in members { coalition[i] = true }
                add(coalition, weight: weight)
                if paired { add(coalition.map { !$0 }, weight: weight) }
            }
        }
        sizes = Array((enumerated + 1) ..< (sizeCount + 1))
        let drawWeights = sizes.map { weights[$0 - 1] / ($0 <= pairedSizeLimit ? 2 : 1) }
        let drawMass = drawWeights.reduce(0, +)
        var running = 0.0
        cumulative = drawWeights.map { running += $0 / drawMass; return running }
        weightLeft = sizes.map { weights[$0 - 1] }.reduce(0, +)
    }

    /// Whether any size class is left to random draws.
    var isRandom: Bool { !sizes.isEmpty }

    /// Whether `draw` can still add anything.
    var canDraw: Bool { isRandom && attemptsLeft > 0 && !budgetSpent && coalitions.count < sampleBudget }

    /// Draws coalitions until `newCoalitions` distinct new ones were added, the budget is spent
    /// or the attempts run out (4 × budget draws, as in shap); returns the range of new entries.
    mutating func draw(newCoalitions: Int) -> Range<Int> {
        let start = coalitions.count
        while canDraw, coalitions.count - start < newCoalitions {
            attemptsLeft -= 1
            let u = Double(generator.next() >> 11) * 0x1p-53
            let s = sizes[cumulative.firstIndex { u < $0 } ?? sizes.count - 1]
            let paired = s <= pairedSizeLimit
            var members = Array(0 ..< playerCount)
            var coalition = [Bool](repeating: false, count: playerCount)
            for k in 0 ..< s {
                members.swapAt(k, k + generator.nextIndex(below: playerCount - k))
                coalition[members[k]] = true
            }
            // A drawn size is at most M/2, so a drawn coalition was first added by a draw, never
            // as a complement, and its complement sits right after it.
            if let existing = index[coalition] {
                draws.append(paired ? [existing, existing + 1] : [existing])
                continue
            }
            guard coalitions.count + (paired ? 2 : 1) <= sampleBudget else {
                budgetSpent = true
                break
            }
            let added = add(coalition, weight: nil)
            if paired { add(coalition.map { !$0 }, weight: nil) }
            draws.append(paired ? [added, added + 1] : [added])
        }
        return start ..< coalitions.count
    }

    /// Regression weights of every coalition when draw `k` was drawn `multiplicity[k]` times.
    func weights(multiplicity: [Int]) -> [Double] {
        var weights = fixedWeights + [Double](repeating: 0, count: coalitions.count - fixedWeights.count)
        var total = 0.0
        for (draw, count) in zip(draws, multiplicity) where count > 0 {
            for i in draw { weights[i] += Double(count) }
            total += Double(count * draw.count)
        }
        guard total > 0 else { return weights }
        for i in fixedWeights.count ..< weights.count { weights[i] *= weightLeft / total }
        return weights
    }

    @discardableResult
    private mutating func add(_ coalition: [Bool], weight: Double?) -> Int {
        index[coalition] = coalitions.count
        coalitions.append(coalition)
        if let weight { fixedWeights.append(weight) }
        return coalitions.count - 1
    }
}

/// C(n, k) in Double (exact below 2^53).
func binomial(_ n: Int, _ k: Int) -> Double {
    var result = 1.0
    for i in 0 ..< min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
    return result
}

/// Calls `body` with each k-subset of 0 ..< n, in lexicographic order.
/// - Complexity: O(C(n, k) · k).
func forEachCombination(of k: Int, from n: Int, _ body: ([Int]) -> Void) {
    guard k <= n else { return }
    var members = Array(0 ..< k)
    while true {
        body(members)
        var i = k - 1
        while i >= 0, members[i] == n - k + i { i -= 1 }
        if i < 0 { return }
        members[i] += 1
        for j in (i + 1) ..< k { members[j] = members[j - 1] + 1 }
    }
}
