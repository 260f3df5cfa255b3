import ErrataCore

/// How far two annotators marked the same characters, per category and overall: precision,
/// recall and F1 of character overlap (docs/tagging.md, "Span agreement").
///
/// Over the units (instance and system) both annotators judged, for a category `c`:
/// `A(u)` is the set of characters inside A's spans on `u` of a tag that counts for `c` (names
/// `c` or a category below it), `B(u)` likewise, and with sums over the units
/// - `overlap = Σ |A(u) ∩ B(u)|`,
/// - `precision = overlap / Σ |B(u)|`: the share of B's characters that A marked too,
/// - `recall = overlap / Σ |A(u)|`: the share of A's characters that B marked too,
/// - `F1 = 2 · overlap / (Σ |A(u)| + Σ |B(u)|)`, their harmonic mean.
/// Characters are counted once however many spans cover them. A value whose denominator is
/// zero is undefined (nil, JSON null): precision when B marked nothing, recall when A marked
/// nothing, F1 when neither did. The overall row counts every span whatever its category.
/// A is the reference: an expert when one of the two is, else the first by name.
///
/// The JSON shape: `{"a", "b", "units", "overall": COUNTS, "categories": [{"category", ...COUNTS}]}`
/// with `COUNTS` = `"a_characters", "b_characters", "overlap", "precision", "recall", "f1"`.
public struct SpanAgreement: Sendable, Equatable, Encodable {
    public struct Counts: Sendable, Equatable {
        public var aCharacters = 0
        public var bCharacters = 0
        public var overlap = 0

        public var precision: Double? { bCharacters > 0 ? Double(overlap) / Double(bCharacters) : nil }
        public var recall: Double? { aCharacters > 0 ? Double(overlap) / Double(aCharacters) : nil }
        public var f1: Double? {
            aCharacters + bCharacters > 0 ? 2 * Double(overlap) / Double(aCharacters + bCharacters) : nil
        }

        mutating func add(_ a: [TextSpan], _ b: [TextSpan]) {
            let a = merged(a), b = merged(b)
            aCharacters += a.reduce(0) { $0 + $1.length }
            bCharacters += b.reduce(0) { $0 + $1.length }
            overlap += intersectionLength(a, b)
        }
    }

    public struct Row: Sendable, Equatable {
        public var category: String
        public var counts: Counts
    }

    public var a: String
    public var b: String
    /// Units (instance and system) both judged.
    public var units: Int
    public var overall: Counts
    /// The typology's categories, then any only tags name.
    public var categories: [Row]

    /// - Parameter references: annotators taken as A against anyone else (the experts).
    public static func pairs(tags: [Tag], typology: Typology, references: Set<String> = []) -> [SpanAgreement] {
        let units = SpanUnits(tags)
        let annotators = units.annotators.sorted()
        let categories = typology.reportedCategories(for: tags)
        var pairs: [SpanAgreement] = []
        for (i, first) in annotators.enumerated() {
            for second in annotators.dropFirst(i + 1) {
                let swap = references.contains(second) && !references.contains(first)
                pairs.append(SpanAgreement(units: units, a: swap ? second : first, b: swap ? first : second, categories: categories))
            }
        }
        return pairs
    }

    /// A against B only.
    public init(tags: [Tag], a: String, b: String, typology: Typology) {
        self.init(units: SpanUnits(tags), a: a, b: b, categories: typology.reportedCategories(for: tags))
    }

    init(units: SpanUnits, a: String, b: String, categories: [CategoryPath]) {
        self.a = a
        self.b = b
        let shared = units.shared(a, b)
        self.units = shared.count
        var overall = Counts()
        var perCategory = [Counts](repeating: Counts(), count: categories.count)
        for (first, second) in shared {
            overall.add(first.map(\.span), second.map(\.span))
            for (index, category) in categories.enumerated() {
                perCategory[index].add(first.filter { $0.categories.counts(for: category) }.map(\.span),
                                       second.filter { $0.categories.counts(for: category) }.map(\.span))
            }
        }
        self.overall = overall
        self.categories = zip(categories, perCategory).map { Row(category: $0.description, counts: $1) }
    }

    enum CodingKeys: String, CodingKey {
        case a, b, units, overall, categories, category
        case aCharacters = "a_characters", bCharacters = "b_characters", overlap, precision, recall, f1
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a, forKey: .a)
        try c.encode(b, forKey: .b)
        try c.encode(units, forKey: .units)
        var overallContainer = c.nestedContainer(keyedBy: CodingKeys.self, forKey: .overall)
        try Self.encode(overall, into: &overallContainer)
        var rows = c.nestedUnkeyedContainer(forKey: .categories)
        for row in categories {
            var rowContainer = rows.nestedContainer(keyedBy: CodingKeys.self)
            try rowContainer.encode(row.category, forKey: .category)
            try Self.encode(row.counts, into: &rowContainer)
        }
    }

    private static func encode(_ counts: Counts, into c: inout KeyedEncodingContainer<CodingKeys>) throws {
        try c.encode(counts.aCharacters, forKey: .aCharacters)
        try c.encode(counts.bCharacters, forKey: .bCharacters)
        try c.encode(counts.overlap, forKey: .overlap)
        try c.encode(counts.precision, forKey: .precision)
        try c.encode(counts.recall, forKey: .recall)
        try c.encode(counts.f1, forKey: .f1)
    }
}

/// Each annotator's spans per unit with a system, with the categories of the tag each came
/// from; a unit an annotator tagged without any span is still judged by them (no characters).
struct SpanUnits {
    struct Marked {
        var span: TextSpan
        var categories: Set<CategoryPath>
    }

    private var byAnnotator: [String: [WorkQueue.Item: [Marked]]] = [:]

    init(_ tags: [Tag]) {
        for tag in tags where tag.system != nil {
            let unit = WorkQueue.Item(instance: tag.instance, system: tag.system)
            byAnnotator[tag.annotator, default: [:]][unit, default: []]
                += tag.span.map { [Marked(span: $0, categories: Set(tag.categories))] } ?? []
        }
    }

    var annotators: [String] { Array(byAnnotator.keys) }

    /// The units both judged, with each one's spans there, in report order.
    func shared(_ a: String, _ b: String) -> [([Marked], [Marked])] {
        guard let first = byAnnotator[a], let second = byAnnotator[b] else { return [] }
        return first.keys.filter { second[$0] != nil }.sorted(by: WorkQueue.Item.reportOrder).map { (first[$0]!, second[$0]!) }
    }
}

/// The spans as disjoint, sorted ranges covering the same characters.
func merged(_ spans: [TextSpan]) -> [TextSpan] {
    var out: [TextSpan] = []
    for span in spans.filter({ $0.length > 0 }).sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
        if let last = out.last, span.start <= last.end {
            out[out.count - 1].end = max(last.end, span.end)
        } else {
            out.append(span)
        }
    }
    return out
}

/// Characters in both lists of disjoint, sorted ranges.
func intersectionLength(_ a: [TextSpan], _ b: [TextSpan]) -> Int {
    var i = 0, j = 0, total = 0
    while i < a.count, j < b.count {
        total += max(0, min(a[i].end, b[j].end) - max(a[i].start, b[j].start))
        if a[i].end < b[j].end { i += 1 } else { j += 1 }
    }
    return total
}
