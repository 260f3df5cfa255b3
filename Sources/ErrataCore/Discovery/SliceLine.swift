import Foundation

/// A slice the search found: its items (sorted item indices), totals and score.
public struct FoundSlice: Sendable, Equatable {
    public var items: [Int]
    public var totals: SliceTotals
    public var score: Double
}

/// What a search returns: the top slices, best first, and the totals of every slice whose
/// errors were counted (for the multiple-testing correction over all of them).
public struct SliceLineResult: Sendable {
    public var top: [FoundSlice]
    /// Every slice evaluated with at least `minSupport` rows, the top ones included.
    public var examined: [SliceTotals]
    /// All rows together.
    public var overall: SliceTotals
}

/// How far a search has come, for a progress bar.
public struct SearchProgress: Sendable, Equatable {
    /// The lattice level being evaluated (1 = single predicates).
    public var level: Int
    public var maxLevel: Int
    /// Candidate slices of this level evaluated so far, and in all.
    public var done: Int
    public var total: Int
}

/// SliceLine (Sagadeeva and Boehm, SIGMOD 2021): the top-k slices by `SliceLineScore` among
/// conjunctions of at most `maxLevel` items, enumerated level by level.
///
/// Level 1 scores every item. Level l joins pairs of level l-1 slices that share their first
/// l-2 items (the apriori join; the paper's self-join of the slice matrix finds the same
/// pairs) and keeps a candidate only when all l of its parents survived (a missing parent
/// means a subset below `minSupport` or without error, so the candidate is too). A
/// candidate's size, error and largest error are bounded by the smallest of its parents';
/// it is dropped when the score bound at those bounds is not above the current k-th score
/// (0 while fewer than k are known) and then never extended. Survivors are evaluated by
/// intersecting their items' masks a word at a time on all cores; nothing per row is kept
/// per candidate, so memory grows with the items' masks, not with the candidates.
public enum SliceLine {
    public static func search(
        _ items: ItemMatrix, errors: SliceErrors, parameters: SliceLineParameters,
        progress: (@Sendable (SearchProgress) -> Void)? = nil, isCancelled: @Sendable () -> Bool = { false }
    ) throws -> SliceLineResult {
        precondition(errors.count == items.rows, "one error per row")
        precondition(parameters.problem == nil, parameters.problem ?? "")
        let overall = errors.totals
        var result = SliceLineResult(top: [], examined: [], overall: overall)
        guard items.rows > 0, overall.errorSum > 0 else { return result }
        let scoring = SliceLineScore(alpha: parameters.alpha, rows: items.rows, averageError: overall.errorSum / Double(items.rows),
                                     minSupport: parameters.minSupport)
        let lastLevel = min(items.featureCount, parameters.maxLevel)
        var level = Level(items: items.masks.indices.map { [Int32($0)] })
        var heads = level.items.map { Array($0.dropLast()) }
        var tails = level.items.map { Int($0.last!) }
        var levelNumber = 1
        while true {
            let current = levelNumber, total = tails.count
            level.totals = try evaluate(heads: heads, tails: tails, items: items, errors: errors, isCancelled: isCancelled) { done in
                progress?(SearchProgress(level: current, maxLevel: lastLevel, done: done, total: total))
            }
            var scored: [FoundSlice] = []
            for (slice, totals) in zip(level.items, level.totals) where totals.size >= parameters.minSupport {
                result.examined.append(totals)
                let score = scoring.score(size: totals.size, errors: totals.errorSum)
                if score > 0 { scored.append(FoundSlice(items: slice.map(Int.init), totals: totals, score: score)) }
            }
            result.top = topK(result.top + scored, k: parameters.k)
            level = level.valid(minSupport: parameters.minSupport)
            guard !level.items.isEmpty, levelNumber < lastLevel else { break }
            levelNumber += 1
            let bar = result.top.count >= parameters.k ? result.top[result.top.count - 1].score : 0
            level = level.joined(features: items.features, scoring: scoring, bar: bar)
            heads = level.items.map { Array($0.dropLast()) }
            tails = level.items.map { Int($0.last!) }
        }
        return result
    }

    /// The `k` best slices of `slices` by score, best first, with every slice tied with the
    /// k-th (as `rankdata(method="min") <= k` in the reference); ties in score are ordered as
    /// the reference orders them, by the slices' one-hot rows compared as bit strings.
    static func topK(_ slices: [FoundSlice], k: Int) -> [FoundSlice] {
        let sorted = slices.sorted { a, b in
            a.score != b.score ? a.score > b.score : precedesAsBits(a.items, b.items)
        }
        guard sorted.count > k else { return sorted }
        let threshold = sorted[k - 1].score
        return Array(sorted.prefix { $0.score >= threshold })
    }

    /// Whether the one-hot row of `a` sorts before that of `b` (0 before 1, first column
    /// first): the slice without the smallest item where they differ comes first.
    static func precedesAsBits(_ a: [Int], _ b: [Int]) -> Bool {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
            } else {
                return a[i] > b[j]
            }
        }
        return j < b.count
    }

    /// Totals of each candidate `heads[c] + [tails[c]]`. Candidates with the same head are
    /// adjacent (the join emits them so); the head's mask is intersected once per run of them.
    private static func evaluate(
        heads: [[Int32]], tails: [Int], items: ItemMatrix, errors: SliceErrors,
        isCancelled: @Sendable () -> Bool, progress: @Sendable (Int) -> Void
    ) throws -> [SliceTotals] {
        var sameHead: [Range<Int>] = []
        var start = 0
        for c in heads.indices where c + 1 == heads.count || heads[c + 1] != heads[c] {
            sameHead.append(start ..< c + 1)
            start = c + 1
        }
        // Split long runs (level 1 and 2 have few heads) so that every core has work.
        let runs = sameHead.flatMap { run in stride(from: run.lowerBound, to: run.upperBound, by: 64).map { $0 ..< min($0 + 64, run.upperBound) } }
        var totals = [SliceTotals](repeating: SliceTotals(size: 0, errorSum: 0, errorSquares: 0, maxError: 0), count: tails.count)
        let counter = ProgressCounter()
        let cancelled = ProgressCounter()
        let wordCount = (items.rows + 63) / 64
        totals.withUnsafeMutableBufferPointer { buffer in
            let out = UncheckedSendable(buffer)
            let chunks = max(1, min(runs.count, ProcessInfo.processInfo.activeProcessorCount * 8))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var head = [UInt64](repeating: 0, count: wordCount)
                for r in stride(from: chunk, to: runs.count, by: chunks) {
                    if cancelled.value > 0 || isCancelled() {
                        cancelled.add(1)
                        return
                    }
                    let run = runs[r]
                    intersect(heads[run.lowerBound], items: items, into: &head)
                    head.withUnsafeBufferPointer { headWords in
                        for c in run {
                            items.masks[tails[c]].words.withUnsafeBufferPointer { tailWords in
                                out.value[c] = errors.totals(headWords, tailWords)
                            }
                        }
                    }
                    progress(counter.add(run.count))
                }
            }
        }
        if cancelled.value > 0 { throw CancellationError() }
        return totals
    }

    /// The rows in every item of `head` (all rows for an empty head).
    private static func intersect(_ head: [Int32], items: ItemMatrix, into words: inout [UInt64]) {
        for i in words.indices { words[i] = ~0 }
        for item in head {
            items.masks[Int(item)].words.withUnsafeBufferPointer { mask in
                for i in words.indices { words[i] &= mask[i] }
            }
        }
    }
}

/// The slices of one lattice level, items sorted within each slice and slices sorted
/// lexicographically, with their totals (bounds from the parents before evaluation).
struct Level {
    var items: [[Int32]]
    var totals: [SliceTotals] = []

    /// The slices that may have children: at least `minSupport` rows and some error.
    func valid(minSupport: Int) -> Level {
        let keep = totals.indices.filter { totals[$0].size >= minSupport && totals[$0].errorSum > 0 }
        return Level(items: keep.map { items[$0] }, totals: keep.map { totals[$0] })
    }

    /// The next level's candidates whose parents all survived, with totals bounded by their
    /// parents' and score bounds above `bar` and 0.
    func joined(features: [Int], scoring: SliceLineScore, bar: Double) -> Level {
        var index: [[Int32]: Int] = [:]
        for (i, slice) in items.enumerated() { index[slice] = i }
        var next = Level(items: [])
        var start = 0
        while start < items.count {
            let prefix = items[start].dropLast()
            var end = start + 1
            while end < items.count, items[end].dropLast() == prefix { end += 1 }
            for a in start ..< end {
                for b in a + 1 ..< end {
                    let x = items[a].last!, y = items[b].last!
                    guard features[Int(x)] != features[Int(y)] else { continue }
                    let candidate = items[a] + [y]
                    var bound = totals[a]
                    var complete = true
                    for drop in candidate.indices.dropLast(2) {
                        var parent = candidate
                        parent.remove(at: drop)
                        guard let p = index[parent] else {
                            complete = false
                            break
                        }
                        bound = bound.bounded(by: totals[p])
                    }
                    guard complete else { continue }
                    bound = bound.bounded(by: totals[b])
                    let ceiling = scoring.upperBound(size: bound.size, errors: bound.errorSum, maxError: bound.maxError)
                    guard bound.size >= scoring.minSupport, ceiling > bar, ceiling > 0 else { continue }
                    next.items.append(candidate)
                }
            }
            start = end
        }
        return next
    }
}

extension SliceTotals {
    /// The element-wise minimum of size, error sum and largest error: what a child can reach.
    func bounded(by other: SliceTotals) -> SliceTotals {
        SliceTotals(size: min(size, other.size), errorSum: min(errorSum, other.errorSum),
                    errorSquares: min(errorSquares, other.errorSquares), maxError: min(maxError, other.maxError))
    }
}

/// A counter shared by the workers of one evaluation.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Adds `n` and returns the new count.
    @discardableResult
    func add(_ n: Int) -> Int { lock.withLock { count += n; return count } }

    var value: Int { lock.withLock { count } }
}
