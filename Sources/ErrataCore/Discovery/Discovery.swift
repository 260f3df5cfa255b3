import BitCollections

extension Analysis {
    /// Finds the slices where `request.system` (or its difference with `request.versus`) errs
    /// most, and tests each against the rest of the instances. Safe to call off the main
    /// thread; `progress` is called from worker threads, and the search stops with
    /// `CancellationError` soon after `isCancelled` returns true.
    public func discover(
        _ request: DiscoveryRequest, progress: (@Sendable (SearchProgress) -> Void)? = nil,
        isCancelled: @Sendable () -> Bool = { false }
    ) throws -> DiscoveryReport {
        try discovery(request, progress: progress, isCancelled: isCancelled).report
    }

    /// The report with the tester and, unless held out, the Holm family it used: what tests
    /// slices the search did not return the same way (the planted-slice tests' random slices).
    func discovery(
        _ request: DiscoveryRequest, progress: (@Sendable (SearchProgress) -> Void)?, isCancelled: @Sendable () -> Bool
    ) throws -> (report: DiscoveryReport, tester: SliceTester, family: HolmFamily?) {
        if let problem = request.parameters.problem { throw AnalysisError(problem) }
        let errors = try instanceErrors(system: request.system, versus: request.versus, measure: request.measure)
        let defined = BitSet(errors.indices.filter { !errors[$0].isNaN })
        guard !defined.isEmpty else { throw AnalysisError("no instance has an error to search: does '\(request.system)' have outputs?") }
        let (searched, tested) = request.holdout ? Self.halves(defined, seed: request.seed) : (defined, defined)
        let features = try discoveryFeatures(request.features, within: searched)
        let predicates = features.flatMap(\.predicates)

        var position = [Int32](repeating: -1, count: dataset.count)
        for (i, row) in searched.enumerated() { position[row] = Int32(i) }
        let items = ItemMatrix(masks: predicates.map { RowMask($0.rows, position: position, count: searched.count) },
                               features: features.enumerated().flatMap { f, feature in feature.predicates.map { _ in f } },
                               rows: searched.count)
        let searchErrors = SliceErrors(searched.map { errors[$0] })
        let found = try SliceLine.search(items, errors: searchErrors, parameters: request.parameters,
                                         progress: progress, isCancelled: isCancelled)

        let tester = SliceTester(errors: errors, tested: tested, binary: searchErrors.isBinary)
        let candidates = Self.withoutRepeats(found.top).map { slice in
            var slice = slice
            if request.holdout { slice.totals = Self.totals(of: slice.items.reduce(tested) { $0.intersection(predicates[$1].rows) }, errors) }
            return slice
        }
        let family = request.holdout ? nil : HolmFamily(found.examined.map { tester.test($0).pValue ?? 1 })
        // Held out, a parent's remainder is judged with Bonferroni over the slices returned.
        let top = Self.withoutShadows(candidates, tester: tester) { p in family?.adjusted(p) ?? min(1, p * Double(candidates.count)) }
        let tests = top.map { tester.test($0.totals) }
        let adjusted: [Double?]
        let correction: String
        if let family {
            adjusted = tests.map { $0.pValue.map(family.adjusted) }
            correction = "Holm over the \(found.examined.count) slices examined"
        } else {
            let holm = holmAdjusted(tests.map { $0.pValue ?? 1 })
            adjusted = tests.indices.map { tests[$0].pValue == nil ? nil : holm[$0] }
            correction = "Holm over the \(tests.count) slices found, tested on the held-out half"
        }
        let testedTotals = tester.overall

        var rows = top.indices.map { i -> DiscoveryRow in
            let slice = top[i], totals = slice.totals, t = tests[i]
            let restSize = testedTotals.size - totals.size
            let delta = t.delta.isNaN ? nil : t.delta
            return DiscoveryRow(
                slice: slice.items.map { predicates[$0].label }.joined(separator: " and "),
                expression: slice.items.map { predicates[$0].expression }.joined(separator: " and "),
                size: totals.size, error: totals.size > 0 ? totals.errorSum / Double(totals.size) : 0,
                restError: restSize > 0 ? (testedTotals.errorSum - totals.errorSum) / Double(restSize) : nil,
                delta: delta, ciLow: t.ciLow, ciHigh: t.ciHigh, pValue: t.pValue, pAdjusted: adjusted[i], score: slice.score,
                significant: (adjusted[i] ?? 1) < 0.05 && (delta ?? 0) > 0)
        }
        if request.significantFirst { rows = rows.filter(\.significant) + rows.filter { !$0.significant } }
        let report = DiscoveryReport(
            rows: rows, instances: defined.count, tested: tested.count,
            error: testedTotals.size > 0 ? testedTotals.errorSum / Double(testedTotals.size) : 0,
            test: tester.binary ? "two-proportion z-test" : "Welch's t-test", correction: correction,
            examined: found.examined.count, features: features.map(\.name))
        return (report, tester, family)
    }

    /// The slices of `slices` (best first) that do not repeat the rows of a listed slice with
    /// fewer predicates: `movie = x and not has_plot` is left out when every review of x has
    /// no plot, as it is `movie = x` again. A subset of items with the same size has the
    /// same rows.
    static func withoutRepeats(_ slices: [FoundSlice]) -> [FoundSlice] {
        slices.filter { slice in
            !slices.contains { other in
                other.items.count < slice.items.count && other.totals.size == slice.totals.size
                    && Set(other.items).isSubset(of: slice.items)
            }
        }
    }

    /// The slices of `slices` that say something a significant related slice in the list does
    /// not, by the same test and correction (`adjust`) as the slices themselves:
    /// - a parent is left out when a listed child is significant and the parent's rows outside
    ///   it are not significantly worse than the rows outside the parent (`region = r4`,
    ///   lifted by `region = r4 and device = d1`);
    /// - a child is left out when a listed parent is significant and the child is not
    ///   significantly worse than the rest of the parent (`region = r4 and device = d1 and
    ///   flag`, half of a uniformly bad parent).
    /// Where nothing related is significant, nothing is left out: there is no evidence to
    /// choose between them.
    static func withoutShadows(_ slices: [FoundSlice], tester: SliceTester, adjust: (Double) -> Double) -> [FoundSlice] {
        func worse(_ a: SliceTotals, than b: SliceTotals) -> Bool {
            let test = tester.test(a, against: b)
            return adjust(test.pValue ?? 1) < 0.05 && test.delta > 0
        }
        let significant = slices.map { worse($0.totals, than: tester.overall.removing($0.totals)) }
        return slices.filter { slice in
            !slices.indices.contains { o in
                let other = slices[o]
                guard significant[o] else { return false }
                if other.items.count > slice.items.count, Set(slice.items).isSubset(of: other.items) {
                    return !worse(slice.totals.removing(other.totals), than: tester.overall.removing(slice.totals))
                }
                if other.items.count < slice.items.count, Set(other.items).isSubset(of: slice.items) {
                    return !worse(slice.totals, than: other.totals.removing(slice.totals))
                }
                return false
            }
        }
    }

    /// A random half of `rows` (each row in it with probability 1/2) and the other half.
    static func halves(_ rows: BitSet, seed: UInt64) -> (BitSet, BitSet) {
        var generator = SeededGenerator(seed: seed)
        var first = BitSet(), second = BitSet()
        for row in rows {
            if generator.next() & 1 == 0 { first.insert(row) } else { second.insert(row) }
        }
        return (first, second)
    }

    static func totals(of rows: BitSet, _ errors: [Double]) -> SliceTotals {
        var totals = SliceTotals(size: 0, errorSum: 0, errorSquares: 0, maxError: 0)
        for row in rows {
            totals.size += 1
            totals.errorSum += errors[row]
            totals.errorSquares += errors[row] * errors[row]
            totals.maxError = max(totals.maxError, errors[row])
        }
        return totals
    }
}

/// Tests slices against the rest of the tested rows: the two-proportion z-test for 0/1
/// errors, Welch's t-test for graded ones.
struct SliceTester {
    let binary: Bool
    /// All tested rows together.
    let overall: SliceTotals

    init(errors: [Double], tested: BitSet, binary: Bool) {
        self.binary = binary && tested.allSatisfy { errors[$0] == 0 || errors[$0] == 1 }
        overall = Analysis.totals(of: tested, errors)
    }

    /// The slice against the rest of the tested rows.
    func test(_ slice: SliceTotals) -> TwoSampleTest {
        test(slice, against: overall.removing(slice))
    }

    func test(_ slice: SliceTotals, against rest: SliceTotals) -> TwoSampleTest {
        binary ? .proportions(errors: slice.errorSum, size: slice.size, restErrors: rest.errorSum, restSize: rest.size)
            : .welch(slice, rest: rest)
    }
}

extension SliceTotals {
    /// The totals of these rows without `part`, a subset of them (the largest error is not
    /// known and left at 0).
    func removing(_ part: SliceTotals) -> SliceTotals {
        SliceTotals(size: size - part.size, errorSum: errorSum - part.errorSum, errorSquares: errorSquares - part.errorSquares, maxError: 0)
    }
}

/// Holm's adjustment of one p-value within a large family, without adjusting them all: the
/// adjusted value depends only on the p-value's rank among the family's, and equal p-values
/// share it.
struct HolmFamily {
    private let sorted: [Double]
    private let adjustedSorted: [Double]

    init(_ pValues: [Double]) {
        sorted = pValues.sorted()
        adjustedSorted = holmAdjusted(sorted)
    }

    /// The adjusted value of `p`, a member of the family (for another p-value, the value it
    /// would have in the family's place).
    func adjusted(_ p: Double) -> Double {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < p { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count ? adjustedSorted[low] : 1
    }
}
