import BitCollections
import Foundation

/// A predicate a discovered slice can combine: how it reads, the slice-language expression
/// that selects it, and its rows.
public struct DiscoveryPredicate: Sendable {
    /// `genre = horror`, `length(text) in [25, 41)`, `text has "dull"`.
    public var label: String
    /// `genre == "horror"`, `length(text) >= 25 and length(text) < 41`: `--where` accepts it.
    public var expression: String
    /// The rows the expression selects, over the whole dataset (not only the rows searched,
    /// so that a held-out half can be tested on them).
    public var rows: BitSet
}

/// One feature of the search: predicates of which a slice takes at most one (the values of a
/// column, the bins of a number, or a single presence test).
public struct DiscoveryFeature: Sendable {
    public var name: String
    public var predicates: [DiscoveryPredicate]
}

/// Which features discovery builds, and how.
public struct FeatureOptions: Sendable, Equatable {
    /// Columns or expressions (`genre`, `length(text)`, `tags`, `words`); nil for every
    /// metadata column, the length and tokens of the inputs and reference, the tags and words.
    public var features: [String]?
    /// How many frequent input words become presence features (0 for none).
    public var words: Int
    /// Equal-frequency bins of a number.
    public var bins: Int
    /// Values rarer than this within the searched rows are grouped as "other".
    public var minSupport: Int
    /// The most values of one column kept apart (the rest are "other").
    public var maxValues: Int

    public init(features: [String]? = nil, words: Int = 20, bins: Int = 5, minSupport: Int = 30, maxValues: Int = 50) {
        self.features = features
        self.words = words
        self.bins = bins
        self.minSupport = minSupport
        self.maxValues = maxValues
    }
}

extension Analysis {
    /// The features to search over the rows `within` (frequent values, bin edges and words
    /// are chosen on those rows). Every predicate's rows come from evaluating its expression,
    /// so a slice found is exactly what its expression selects.
    public func discoveryFeatures(_ options: FeatureOptions, within: BitSet) throws -> [DiscoveryFeature] {
        var features: [DiscoveryFeature] = []
        for spec in options.features ?? defaultFeatureSpecs() {
            switch spec {
            case "words": features += try wordFeatures(options, within: within)
            case "tags": features += try tagFeatures(options, within: within)
            default: features += try expressionFeatures(spec, options, within: within)
            }
        }
        return features.filter { $0.predicates.count >= 1 }
    }

    /// Metadata columns (not dates or free text), `length` and `tokens` of each input and of a
    /// text reference, tags when there are any, and words.
    private func defaultFeatureSpecs() -> [String] {
        var specs = dataset.metadata.filter { [.categorical, .numeric, .boolean, .list].contains($0.type) }
            .map { SliceExpression.quoteName($0.name) }
        var texts = dataset.inputs.map(\.name)
        if let label = dataset.label, label.type == .text { texts.append(label.name) }
        for name in texts { specs += ["length(\(SliceExpression.quoteName(name)))", "tokens(\(SliceExpression.quoteName(name)))"] }
        if !tags.entries.isEmpty { specs.append("tags") }
        specs.append("words")
        return specs
    }

    private func predicate(_ label: String, _ expression: String) throws -> DiscoveryPredicate {
        DiscoveryPredicate(label: label, expression: expression, rows: try evaluator.rows(where: expression))
    }

    /// The features of one column or expression, by the kind of its value.
    private func expressionFeatures(_ spec: String, _ options: FeatureOptions, within: BitSet) throws -> [DiscoveryFeature] {
        let parsed = try SliceExpression.parse(spec)
        let e = parsed.description
        switch try evaluator.evaluate(parsed, spec) {
        case .categories(let column):
            var counts = [Int](repeating: 0, count: column.levels.count)
            for row in within where column.codes[row] >= 0 { counts[Int(column.codes[row])] += 1 }
            let frequent = Self.frequent(counts, options)
            guard !frequent.isEmpty else { return [] }
            let values = frequent.map { column.levels[$0] }
            var predicates = try values.map { try predicate("\(e) = \($0)", "\(e) == \(SliceExpression.quote($0))") }
            let covered = frequent.reduce(0) { $0 + counts[$1] }
            if covered < within.count {
                let list = values.map(SliceExpression.quote).joined(separator: ", ")
                predicates.append(try predicate("\(e) = other", "\(e) not in [\(list)]"))
            }
            return predicates.count > 1 ? [DiscoveryFeature(name: e, predicates: predicates)] : []
        case .truth:
            let predicates = [try predicate("\(e)", e),
                              try predicate("not \(SliceExpression.parenthesised(parsed))", "not \(SliceExpression.parenthesised(parsed))")]
            return predicates.allSatisfy({ !$0.rows.intersection(within).isEmpty }) ? [DiscoveryFeature(name: e, predicates: predicates)] : []
        case .numbers(let values):
            let predicates = try numericBins(values, e, options.bins, within: within)
            return predicates.count > 1 ? [DiscoveryFeature(name: e, predicates: predicates)] : []
        case .lists(let list):
            var counts = [Int](repeating: 0, count: list.levels.count)
            for row in within {
                for code in Set(list.codes[list.offsets[row] ..< list.offsets[row + 1]]) { counts[Int(code)] += 1 }
            }
            return try Self.frequent(counts, options).map { code in
                let value = list.levels[code]
                return DiscoveryFeature(name: "\(e) has \(value)", predicates: [
                    try predicate("\(e) has \(value)", "\(SliceExpression.quote(value)) in \(e)")])
            }
        case .texts:
            throw AnalysisError("'\(spec)' is free text: discover on length(\(e)), tokens(\(e)) or words instead")
        case .constantString, .constantNumber, .constantBoolean:
            return []
        }
    }

    /// The codes with at least `minSupport` instances, most frequent first (ties by code), at
    /// most `maxValues` of them.
    private static func frequent(_ counts: [Int], _ options: FeatureOptions) -> [Int] {
        Array(counts.indices.filter { counts[$0] >= options.minSupport }
            .sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }.prefix(options.maxValues))
    }

    /// Equal-frequency bins (quantiles when `bins` is 5) of a number over `within`: the edges
    /// are values of the data at ranks n/bins, 2n/bins, ..., so ties never straddle a bin.
    /// At most `bins` distinct values: one predicate per value.
    private func numericBins(_ values: [Double], _ e: String, _ bins: Int, within: BitSet) throws -> [DiscoveryPredicate] {
        let sorted = within.lazy.map { values[$0] }.filter { !$0.isNaN }.sorted()
        guard let lowest = sorted.first, let highest = sorted.last else { return [] }
        let distinct = Array(Set(sorted)).sorted()
        if distinct.count <= bins {
            return try distinct.map { try predicate("\(e) = \(Self.literal($0))", "\(e) == \(Self.literal($0))") }
        }
        var edges: [Double] = []
        for i in 1 ..< bins {
            let edge = sorted[sorted.count * i / bins]
            if edge > lowest, edge > (edges.last ?? -.infinity) { edges.append(edge) }
        }
        var predicates: [DiscoveryPredicate] = []
        for i in 0 ... edges.count {
            let low = i == 0 ? nil : edges[i - 1], high = i == edges.count ? nil : edges[i]
            let label = "\(e) in [\(formatNumber(low ?? lowest)), \(formatNumber(high ?? highest))\(high == nil ? "]" : ")")"
            let conditions = [low.map { "\(e) >= \(Self.literal($0))" }, high.map { "\(e) < \(Self.literal($0))" }].compactMap { $0 }
            predicates.append(try predicate(label, conditions.joined(separator: " and ")))
        }
        return predicates
    }

    /// A number as a literal that parses back to exactly the same value.
    static func literal(_ x: Double) -> String {
        let short = formatNumber(x)
        let text = Double(short) == x ? short : "\(x)"
        return x < 0 ? "(\(text))" : text
    }

    /// One presence feature per tag category (and each category above it) on at least
    /// `minSupport` of the rows.
    private func tagFeatures(_ options: FeatureOptions, within: BitSet) throws -> [DiscoveryFeature] {
        var categories = Set<String>()
        for entry in tags.entries {
            for path in entry.categories {
                let parts = path.split(separator: "/")
                for depth in 1 ... max(1, parts.count) { categories.insert(parts.prefix(depth).joined(separator: "/")) }
            }
        }
        return try categories.sorted().compactMap { category in
            let p = try predicate("tagged \(category)", "tagged(\(SliceExpression.quote(category)))")
            return p.rows.intersection(within).count >= options.minSupport ? DiscoveryFeature(name: p.label, predicates: [p]) : nil
        }
    }
}
