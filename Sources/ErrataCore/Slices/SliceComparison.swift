import BitCollections
import CStringSearch
import Foundation

/// Comparisons between slice values, specialised by storage so that the common cases
/// (a category against a literal, a number against a threshold) are one pass over an array.
enum SliceComparison {
    typealias Failure = (String) -> SliceError

    static func compare(_ op: SliceExpression.ComparisonOperator, _ a: SliceValue, _ b: SliceValue, count n: Int,
                        fail: Failure) throws -> BitSet {
        switch (a, b) {
        case (.constantString, .categories), (.constantString, .texts), (.constantNumber, .numbers), (.constantBoolean, .truth):
            return try compare(op.mirrored, b, a, count: n, fail: fail)
        case (.numbers(let x), _):
            guard let y = b.numbers(count: n) else { throw fail("cannot compare a number with \(b.kindName)") }
            let test = op.test(Double.self)
            // A missing value (NaN) is never in a slice, whatever the operator.
            return BitSet.rows(count: n) { !x[$0].isNaN && !y[$0].isNaN && test(x[$0], y[$0]) }
        case (.categories(let c), .constantString(let s)):
            if op == .equal || op == .notEqual {
                guard let code = c.existingCode(for: s) else { return op == .equal ? BitSet() : BitSet.rows(count: n) { c.codes[$0] >= 0 } }
                return op == .equal ? BitSet.rows(count: n) { c.codes[$0] == code } : BitSet.rows(count: n) { c.codes[$0] >= 0 && c.codes[$0] != code }
            }
            let test = op.test(String.self)
            let levelHolds = c.levels.map { test($0, s) }
            return BitSet.rows(count: n) { c.codes[$0] >= 0 && levelHolds[Int(c.codes[$0])] }
        case (.texts(let t), .constantString(let s)):
            let test = op.test(String.self)
            if op == .equal || op == .notEqual {
                let target = Array(s.utf8)
                return BitSet.rows(count: n) { row in t.withUTF8(row) { $0.elementsEqual(target) } == (op == .equal) }
            }
            return BitSet.rows(count: n) { test(t[$0], s) }
        case (.truth(let set), .constantBoolean(let v)):
            guard op == .equal || op == .notEqual else { throw fail("conditions compare only with == and !=") }
            return (v == (op == .equal)) ? set : set.complement(count: n)
        case (.truth(let x), .truth(let y)):
            guard op == .equal || op == .notEqual else { throw fail("conditions compare only with == and !=") }
            let differ = x.symmetricDifference(y)
            return op == .notEqual ? differ : differ.complement(count: n)
        case (.categories, .categories), (.categories, .texts), (.texts, .categories), (.texts, .texts):
            let test = op.test(String.self)
            return BitSet.rows(count: n) { row in
                guard let l = a.string(row), let r = b.string(row) else { return false }
                return test(l, r)
            }
        default:
            throw fail("cannot compare \(a.kindName) with \(b.kindName)")
        }
    }

    /// `text contains "s"` (substring) and `list contains "x"` (membership).
    static func contains(_ a: SliceValue, _ b: SliceValue, count n: Int, fail: Failure) throws -> BitSet {
        guard case .constantString(let needle) = b else { throw fail("'contains' needs a string on its right, not \(b.kindName)") }
        switch a {
        case .lists(let l):
            guard let code = l.dictionary.existingCode(for: needle) else { return BitSet() }
            return BitSet.rows(count: n) { l.contains(row: $0, code: code) }
        case .texts(let t):
            let target = Array(needle.utf8)
            if target.isEmpty { return BitSet.all(n) }
            return rowsContaining(target, in: t)
        case .categories(let c):
            let levelHolds = c.levels.map { $0.contains(needle) }
            return BitSet.rows(count: n) { c.codes[$0] >= 0 && levelHolds[Int(c.codes[$0])] }
        default:
            throw fail("'contains' works on text and lists, not \(a.kindName)")
        }
    }

    /// `text matches /re/`, with a bounded amount of work (`RegexSearch`): a pattern that
    /// backtracks catastrophically is an error naming the row, and `isCancelled` stops it.
    static func matches(_ a: SliceValue, pattern: String, ignoreCase: Bool, count n: Int,
                        isCancelled: @escaping () -> Bool, fail: Failure) throws -> BitSet {
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        } catch {
            throw fail("invalid regular expression /\(pattern)/")
        }
        var search = RegexSearch(regex, isCancelled: isCancelled)
        /// `place` names the text for the error: its row or its value.
        func test(_ s: String, _ place: @autoclosure () -> String) throws -> Bool {
            do {
                return try search.matches(s)
            } catch .cancelled {
                throw CancellationError()
            } catch .tooMuchWork {
                throw fail("/\(pattern)/ needs too much work on \(place()) (over \(RegexSearch.budgetDescription)): it backtracks catastrophically; rewrite nested repetition such as (a+)+ or (a|aa)+ as a+")
            }
        }
        switch a {
        case .texts(let t):
            var rows = BitSet()
            for row in 0 ..< n {
                if try test(t[row], "instance \(row + 1)") { rows.insert(row) }
            }
            return rows
        case .categories(let c):
            var levelHolds: [Bool] = []
            for level in c.levels { levelHolds.append(try test(level, "the value \(SliceExpression.quote(String(level.prefix(40))))")) }
            return BitSet.rows(count: n) { c.codes[$0] >= 0 && levelHolds[Int(c.codes[$0])] }
        default:
            throw fail("'matches' works on text, not \(a.kindName)")
        }
    }

    /// The rows whose text contains `needle` (not empty).
    ///
    /// One `memmem` pass over each run of the column's contiguous bytes rather than a search
    /// per row: a hit is mapped to its row through the offsets (hits come in order, so the row
    /// pointer only moves forward), a hit straddling two rows is not a match, and after a match
    /// the search resumes at the next row. Blocks of 64-row-aligned rows of a run run on all
    /// cores, each writing its own words of the bitset; runs go one after another, so a word
    /// two runs share is never written by two cores.
    static func rowsContaining(_ needle: [UInt8], in text: TextColumn) -> BitSet {
        let wordBits = UInt.bitWidth
        var words = [UInt](repeating: 0, count: (text.count + wordBits - 1) / wordBits)
        text.forEachRun { runStart, bytes, offsets in
            let runEnd = runStart + offsets.count - 1
            let firstWord = runStart / wordBits, endWord = (runEnd + wordBits - 1) / wordBits
            let blocks = max(1, min(endWord - firstWord, ProcessInfo.processInfo.activeProcessorCount * 4))
            needle.withUnsafeBufferPointer { pattern in
                words.withUnsafeMutableBufferPointer { output in
                    let shared = UncheckedSendable((bytes: bytes, offsets: offsets, pattern: pattern, output: output))
                    DispatchQueue.concurrentPerform(iterations: blocks) { block in
                        let (bytes, offsets, pattern, output) = shared.value
                        let words = endWord - firstWord
                        let blockStart = firstWord + words * block / blocks, blockEnd = firstWord + words * (block + 1) / blocks
                        // Rows of this run in the block, counted from the run's first row.
                        let firstRow = max(runStart, blockStart * wordBits) - runStart
                        let endRow = min(runEnd, blockEnd * wordBits) - runStart
                        guard firstRow < endRow, let base = bytes.baseAddress else { return }
                        var row = firstRow
                        var position = Int(offsets[firstRow])
                        let end = Int(offsets[endRow])
                        while end - position >= pattern.count {
                            guard let hit = errata_memmem(base + position, end - position, pattern.baseAddress!, pattern.count) else { break }
                            let at = UnsafeRawPointer(base).distance(to: hit)
                            while Int(offsets[row + 1]) <= at { row += 1 }
                            if at + pattern.count <= Int(offsets[row + 1]) {
                                let global = runStart + row
                                output[global / wordBits] |= 1 << UInt(global % wordBits)
                                row += 1
                                if row >= endRow { break }
                                position = Int(offsets[row])
                            } else {
                                position = at + 1
                            }
                        }
                    }
                }
            }
        }
        return BitSet(words: words)
    }
}


extension SliceValue {
    /// Row `row` as a string, or nil where missing.
    func string(_ row: Int) -> String? {
        switch self {
        case .categories(let c): c.value(row)
        case .texts(let t): t[row]
        case .constantString(let s): s
        default: nil
        }
    }
}

extension SliceExpression.ComparisonOperator {
    /// The operator with its operands swapped: `5 < x` is `x > 5`.
    var mirrored: Self {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: self
        }
    }

    func test<T: Comparable>(_: T.Type) -> (T, T) -> Bool {
        switch self {
        case .equal: (==)
        case .notEqual: (!=)
        case .less: (<)
        case .lessOrEqual: (<=)
        case .greater: (>)
        case .greaterOrEqual: (>=)
        }
    }
}
