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
    /// (as Zeno does), at most 30; a half-open `[low, high)` each, the last one closed. When
    /// every value is a whole number (lengths, counts, years), edges are whole numbers too.
    static func numericBins(_ values: [Double], rows: BitSet) -> [(label: String, low: Double, high: Double, rows: BitSet)] {
        let present = rows.filter { !values[$0].isNaN }
        guard let lo = present.lazy.map({ values[$0] }).min(), let hi = present.lazy.map({ values[$0] }).max() else { return [] }
        if lo == hi { return [("[\(formatNumber(lo)), \(formatNumber(hi))]", lo, hi, BitSet(present))] }
        var k = min(30, Int((log2(Double(present.count))).rounded(.up)) + 1)
        var width = (hi - lo) / Double(k)
        if present.allSatisfy({ values[$0] == values[$0].rounded() }) {
            width = max(1, ((hi - lo + 1) / Double(k)).rounded(.up))
            k = Int(((hi - lo) / width).rounded(.down)) + 1
        }
        var members = [[Int]](repeating: [], count: k)
        for row in present { members[min(k - 1, Int((values[row] - lo) / width))].append(row) }
        return (0 ..< k).map { i in
            let a = lo + Double(i) * width, b = i == k - 1 ? hi : lo + Double(i + 1) * width
            return ("[\(formatNumber(a)), \(formatNumber(b))\(i == k - 1 ? "]" : ")")", a, b, BitSet(members[i]))
        }
    }
}

extension Analysis {
    /// The histogram of `expression` (a column or any value expression) over `within`, with
    /// the metric of each of `systems` per bin.
    public func histogram(of expression: String, within: BitSet, metric: String?, systems: [String]) throws -> Histogram {
        let (value, groups) = try valueGroups(of: expression, within: within)
        let metricObject = systems.isEmpty ? nil : try self.metric(named: metric)
        let bins = try groups.map { group in
            var values: [String: Double?] = [:]
            if let metricObject {
                for system in systems {
                    let rows = try self.rows(group.rows, systems: [system])
                    let score = metricObject.score(try statistics(metric: metricObject.name, system: system).sum(rows: rows))
                    values[system] = rows.isEmpty || score.isNaN ? nil : score
                }
            }
            return Histogram.Bin(label: group.label, low: group.low, high: group.high, count: group.rows.count,
                                 values: values, filter: group.filter)
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
