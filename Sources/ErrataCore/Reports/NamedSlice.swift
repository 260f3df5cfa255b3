import BitCollections

/// A set of instances with a name: "All instances", a saved slice, one value of a column.
public struct NamedSlice: Sendable {
    public var name: String
    public var rows: BitSet

    public init(name: String, rows: BitSet) {
        self.name = name
        self.rows = rows
    }

    public static let allName = "All instances"
}

extension Analysis {
    /// One slice per value of `expression` within `within`: per category (largest first), per
    /// truth value, per number when there are at most 12 distinct, else per histogram bin; per
    /// element for lists (instances with several elements are in several slices).
    public func groups(by expression: String, within: BitSet) throws -> [NamedSlice] {
        let parsed = try SliceExpression.parse(expression)
        let value = try evaluator.evaluate(parsed, expression)
        switch value {
        case .categories(let c):
            var members = [[Int]](repeating: [], count: c.levels.count)
            for row in within where c.codes[row] >= 0 { members[Int(c.codes[row])].append(row) }
            return members.enumerated()
                .filter { !$0.element.isEmpty }
                .sorted { $0.element.count > $1.element.count || ($0.element.count == $1.element.count && c.levels[$0.offset] < c.levels[$1.offset]) }
                .map { NamedSlice(name: "\(expression) = \(c.levels[$0.offset])", rows: BitSet($0.element)) }
        case .truth(let set):
            return [NamedSlice(name: "\(expression) = true", rows: within.intersection(set)),
                    NamedSlice(name: "\(expression) = false", rows: within.subtracting(set))].filter { !$0.rows.isEmpty }
        case .numbers(let values):
            let distinct = Set(within.map { values[$0] }.filter { !$0.isNaN })
            if distinct.count <= 12 {
                return distinct.sorted().map { v in
                    NamedSlice(name: "\(expression) = \(formatNumber(v))", rows: BitSet(within.filter { values[$0] == v }))
                }
            }
            return Histogram.numericBins(values, rows: within).map {
                NamedSlice(name: "\(expression) in \($0.label)", rows: $0.rows)
            }
        case .lists(let l):
            var members = [[Int]](repeating: [], count: l.levels.count)
            for row in within {
                for code in Set(l.codes[l.offsets[row] ..< l.offsets[row + 1]]) { members[Int(code)].append(row) }
            }
            return members.enumerated().filter { !$0.element.isEmpty }
                .sorted { $0.element.count > $1.element.count }
                .map { NamedSlice(name: "\(expression) has \(l.levels[$0.offset])", rows: BitSet($0.element)) }
        case .texts(let t):
            var byValue: [String: [Int]] = [:]
            for row in within {
                byValue[t[row], default: []].append(row)
                if byValue.count > 100 {
                    throw AnalysisError("'\(expression)' is free text with too many distinct values to group by: group by a category, or by a measure such as length(\(expression))")
                }
            }
            return byValue.sorted { $0.value.count > $1.value.count }.map { NamedSlice(name: "\(expression) = \($0.key)", rows: BitSet($0.value)) }
        case .constantString, .constantNumber, .constantBoolean:
            return [NamedSlice(name: "\(expression)", rows: within)]
        }
    }
}
