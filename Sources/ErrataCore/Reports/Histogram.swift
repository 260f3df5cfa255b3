import BitCollections
import Foundation

/// Counts of a column's values (per category, or per bin for numbers and dates) with the
/// metric of each system in each bin: the metadata panel's content.
public struct Histogram: Sendable, Codable {
    public struct Bin: Sendable, Codable {
        public var label: String
        public var low: Double?
        public var high: Double?
        public var count: Int
        /// Metric value per system in this bin (nil where undefined).
        public var values: [String: Double?]
        /// The slice expression selecting this bin, for "click a bar to filter".
        public var filter: String
    }

    public var column: String
    public var type: String
    public var metric: String?
    public var bins: [Bin]

    /// Equal-width bins over the range of `values` on `rows`, their number by Sturges' rule
    /// (as Zeno does), at most 30; a half-open `[low, high)` each, the last one closed.
    static func numericBins(_ values: [Double], rows: BitSet) -> [(label: String, low: Double, high: Double, rows: BitSet)] {
        let present = rows.filter { !values[$0].isNaN }
        guard let lo = present.lazy.map({ values[$0] }).min(), let hi = present.lazy.map({ values[$0] }).max() else { return [] }
        if lo == hi { return [("[\(formatNumber(lo)), \(formatNumber(hi))]", lo, hi, BitSet(present))] }
        let k = min(30, Int((log2(Double(present.count))).rounded(.up)) + 1)
        let width = (hi - lo) / Double(k)
        var members = [[Int]](repeating: [], count: k)
        for row in present { members[min(k - 1, Int((values[row] - lo) / width))].append(row) }
        return (0 ..< k).map { i in
            let a = lo + Double(i) * width, b = i == k - 1 ? hi : lo + Double(i + 1) * width
            return ("[\(formatNumber(a)), \(formatNumber(b))\(i == k - 1 ? "]" : ")")", a, b, BitSet(members[i]))
        }
    }
}

extension Analysis {
    /// The histogram of `expression` (a column or any value expression) over `within`.
    public func histogram(of expression: String, within: BitSet, metric: String?, systems: [String]) throws -> Histogram {
        let parsed = try SliceExpression.parse(expression)
        let value = try evaluator.evaluate(parsed, expression)
        let metricObject = systems.isEmpty ? nil : try self.metric(named: metric)
        var bins: [Histogram.Bin] = []
        func values(_ rows: BitSet) throws -> [String: Double?] {
            guard let metricObject else { return [:] }
            var result: [String: Double?] = [:]
            for system in systems {
                let rows = try self.rows(rows, systems: [system])
                let score = metricObject.score(try statistics(metric: metricObject.name, system: system).sum(rows: rows))
                result[system] = rows.isEmpty || score.isNaN ? nil : score
            }
            return result
        }
        let quoted = SliceExpression.quote
        switch value {
        case .numbers(let numbers):
            let distinct = Set(within.lazy.map { numbers[$0] }.filter { !$0.isNaN })
            if distinct.count <= 12 {
                for v in distinct.sorted() {
                    let rows = BitSet(within.filter { numbers[$0] == v })
                    bins.append(.init(label: formatNumber(v), low: v, high: v, count: rows.count, values: try values(rows),
                                      filter: "\(parsed) == \(formatNumber(v))"))
                }
            } else {
                let all = Histogram.numericBins(numbers, rows: within)
                for (i, bin) in all.enumerated() {
                    let upper = i == all.count - 1 ? "<=" : "<"
                    bins.append(.init(label: bin.label, low: bin.low, high: bin.high, count: bin.rows.count, values: try values(bin.rows),
                                      filter: "\(parsed) >= \(formatNumber(bin.low)) and \(parsed) \(upper) \(formatNumber(bin.high))"))
                }
            }
        default:
            for slice in try groups(by: expression, within: within) {
                let level = slice.name.components(separatedBy: " = ").dropFirst().joined(separator: " = ")
                let filter: String
                if case .truth = value { filter = level == "true" ? "\(parsed)" : "not \(parsed)" } else { filter = "\(parsed) == \(quoted(level))" }
                bins.append(.init(label: level.isEmpty ? slice.name : level, low: nil, high: nil, count: slice.rows.count,
                                  values: try values(slice.rows), filter: filter))
            }
        }
        let type: String = switch value {
        case .numbers: "numeric"
        case .truth: "boolean"
        case .categories: "categorical"
        case .texts: "text"
        case .lists: "list"
        default: "constant"
        }
        return Histogram(column: expression, type: type, metric: metricObject?.name, bins: bins)
    }
}
