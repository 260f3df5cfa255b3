import BitCollections

/// The instances of one value (or bin) of an expression: the shared step behind `--by`
/// slices and histogram bars.
public struct ValueGroup: Sendable {
    /// The value or bin as shown: `horror`, `true`, `[10, 20)`.
    public var label: String
    /// The slice's name: `genre = horror`, `length(text) in [10, 20)`, `tags has x`.
    public var name: String
    /// The slice expression that selects exactly these instances (for "click a bar to filter").
    public var filter: String
    public var rows: BitSet
    /// Bounds of a numeric bin or value.
    public var low: Double?
    public var high: Double?
}

extension Analysis {
    /// One group per value of `expression` within `within`: per category (largest first), per
    /// truth value, per number when the dataset has at most 12 distinct, else per equal-width bin
    /// over the whole dataset (Sturges' rule, as Zeno), per element for lists (instances with
    /// several elements are in several groups), per value for text with at most 100 distinct
    /// values. `tags` are the annotations `tagged()` reads (default: the analysis' own).
    public func valueGroups(of expression: String, within: BitSet, tags: InstanceTags? = nil) throws -> (value: SliceValue, groups: [ValueGroup]) {
        let parsed = try SliceExpression.parse(expression)
        let value = try evaluator(tags: tags ?? self.tags).evaluate(parsed, expression)
        let e = parsed.description
        func byCount(_ members: [[Int]], _ labels: [String]) -> [(String, BitSet)] {
            members.enumerated().filter { !$0.element.isEmpty }
                .sorted { $0.element.count > $1.element.count || ($0.element.count == $1.element.count && labels[$0.offset] < labels[$1.offset]) }
                .map { (labels[$0.offset], BitSet($0.element)) }
        }
        switch value {
        case .categories(let c):
            var members = [[Int]](repeating: [], count: c.levels.count)
            for row in within where c.codes[row] >= 0 { members[Int(c.codes[row])].append(row) }
            return (value, byCount(members, c.levels).map { label, rows in
                ValueGroup(label: label, name: "\(expression) = \(label)", filter: "\(e) == \(SliceExpression.quote(label))", rows: rows)
            })
        case .truth(let set):
            let groups = [(true, within.intersection(set)), (false, within.subtracting(set))].filter { !$0.1.isEmpty }
            return (value, groups.map { truth, rows in
                ValueGroup(label: "\(truth)", name: "\(expression) = \(truth)", filter: truth ? e : "not \(SliceExpression.parenthesised(parsed))", rows: rows)
            })
        case .numbers(let numbers):
            // Values and bins come from the whole dataset, so a bin is the same under every filter
            // (the sidebar's and a filtered tally's bins agree); bins the filter empties are left out.
            let everyRow = BitSet.all(dataset.count)
            let distinct = Set(everyRow.lazy.map { numbers[$0] }.filter { !$0.isNaN })
            if distinct.count <= 12 {
                return (value, distinct.sorted().compactMap { v in
                    let rows = BitSet(within.filter { numbers[$0] == v })
                    guard !rows.isEmpty else { return nil }
                    let label = formatNumber(v)
                    return ValueGroup(label: label, name: "\(expression) = \(label)", filter: "\(e) == \(label)",
                                      rows: rows, low: v, high: v)
                })
            }
            let bins = Histogram.numericBins(numbers, rows: everyRow)
            return (value, bins.enumerated().compactMap { i, bin in
                let rows = bin.rows.intersection(within)
                guard !rows.isEmpty else { return nil }
                let upper = i == bins.count - 1 ? "<=" : "<"
                return ValueGroup(label: bin.label, name: "\(expression) in \(bin.label)",
                                  filter: "\(e) >= \(formatNumber(bin.low)) and \(e) \(upper) \(formatNumber(bin.high))",
                                  rows: rows, low: bin.low, high: bin.high)
            })
        case .lists(let l):
            var members = [[Int]](repeating: [], count: l.levels.count)
            for row in within {
                for code in Set(l.codes[l.offsets[row] ..< l.offsets[row + 1]]) { members[Int(code)].append(row) }
            }
            return (value, byCount(members, l.levels).map { label, rows in
                ValueGroup(label: label, name: "\(expression) has \(label)", filter: "\(SliceExpression.quote(label)) in \(e)", rows: rows)
            })
        case .texts(let t):
            var byValue: [String: [Int]] = [:]
            for row in within {
                byValue[t[row], default: []].append(row)
                if byValue.count > 100 {
                    throw AnalysisError("'\(expression)' is free text with too many distinct values to group by: group by a category, or by a measure such as length(\(expression))")
                }
            }
            let labels = Array(byValue.keys)
            return (value, byCount(labels.map { byValue[$0]! }, labels).map { label, rows in
                ValueGroup(label: label, name: "\(expression) = \(label)", filter: "\(e) == \(SliceExpression.quote(label))", rows: rows)
            })
        case .constantString, .constantNumber, .constantBoolean:
            return (value, [ValueGroup(label: expression, name: expression, filter: "true", rows: within)])
        }
    }

    /// One slice per value of `expression` within `within` (see `valueGroups`).
    public func groups(by expression: String, within: BitSet, tags: InstanceTags? = nil) throws -> [NamedSlice] {
        try valueGroups(of: expression, within: within, tags: tags).groups.map { NamedSlice(name: $0.name, rows: $0.rows) }
    }
}
