import ErrataCore

/// Whether annotators who tagged the same units agree, category by category, and the units
/// they disagree on (the adjudication queue).
///
/// Each annotator's tags on a unit are one judgement; for a category it is binary: the unit
/// has the category or one below it, or not. Only units judged by two or more annotators
/// count, and they are the same for every category, so `units` and `annotators` are given
/// once. With exactly two annotators the coefficient is Cohen's kappa; with three or more,
/// Krippendorff's alpha (nominal), where a unit an annotator did not tag is missing for them,
/// not "absent".
///
/// The JSON shape (docs/tagging.md): `{"method": "cohen_kappa" | "krippendorff_alpha" | null,
/// "units", "annotators", "rows": [{"category", "value", "observed", "reason"}],
/// "disagreements": [{"instance", "system", "annotations": [{"annotator", "categories",
/// "spans": [{"span", "categories"}]}]}],
/// "spans": [SpanAgreement]}`; `spans` has every pair of annotators when some tag has a span,
/// and is empty otherwise.
public struct Agreement: Sendable, Equatable, Encodable {
    public enum Method: String, Sendable, Codable {
        case cohenKappa = "cohen_kappa"
        case krippendorffAlpha = "krippendorff_alpha"
    }

    public struct Row: Sendable, Equatable, Codable {
        public var category: String
        /// Kappa or alpha; nil (JSON null) when undefined, with the reason.
        public var value: Double?
        public var observed: Double?
        public var reason: String?

        enum CodingKeys: String, CodingKey { case category, value, observed, reason }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(category, forKey: .category)
            try c.encode(value, forKey: .value)
            try c.encode(observed, forKey: .observed)
            try c.encode(reason, forKey: .reason)
        }
    }

    /// A unit whose annotators gave different sets of categories (compared as tagged, so
    /// `Accuracy` and `Accuracy/Omission` differ), or, where two or more of them marked spans,
    /// different spans (a span with its categories).
    public struct Disagreement: Sendable, Equatable, Codable {
        /// A span an annotator marked, with the categories of its tag (sorted paths).
        public struct Mark: Sendable, Hashable, Codable {
            public var span: TextSpan
            public var categories: [String]
        }

        public struct Annotation: Sendable, Equatable, Codable {
            public var annotator: String
            /// Sorted paths.
            public var categories: [String]
            /// The spans marked, in text order; empty when none.
            public var spans: [Mark] = []
        }

        public var instance: String
        public var system: String?
        /// By annotator name.
        public var annotations: [Annotation]

        public var item: WorkQueue.Item { WorkQueue.Item(instance: instance, system: system) }

        enum CodingKeys: String, CodingKey { case instance, system, annotations }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(instance, forKey: .instance)
            try c.encode(system, forKey: .system)
            try c.encode(annotations, forKey: .annotations)
        }
    }

    /// nil when no unit was tagged by two annotators.
    public var method: Method?
    /// Units tagged by two or more annotators.
    public var units: Int
    /// Everyone who tagged one of those units, sorted.
    public var annotators: [String]
    /// One per category: the typology's, then any only tags name.
    public var rows: [Row]
    /// Ordered by instance id (numbers by value), then system.
    public var disagreements: [Disagreement]
    /// Character-overlap agreement of each pair of annotators (see `SpanAgreement`).
    public var spans: [SpanAgreement]

    enum CodingKeys: String, CodingKey { case method, units, annotators, rows, disagreements, spans }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(units, forKey: .units)
        try c.encode(annotators, forKey: .annotators)
        try c.encode(rows, forKey: .rows)
        try c.encode(disagreements, forKey: .disagreements)
        try c.encode(spans, forKey: .spans)
    }

    /// - Parameter references: annotators whose spans are the reference in span agreement
    ///   (the dataset's experts).
    public init(tags: [Tag], typology: Typology, references: Set<String> = []) {
        let shared = Judgements(tags).units.filter { $0.value.count >= 2 }
            .sorted { WorkQueue.Item.reportOrder($0.key, $1.key) }
        let annotators = Set(shared.flatMap(\.value.keys)).sorted()
        method = annotators.count == 2 ? .cohenKappa : annotators.count > 2 ? .krippendorffAlpha : nil
        units = shared.count
        self.annotators = annotators
        rows = typology.reportedCategories(for: tags).map { [method] category in
            let coefficient = switch method {
            case .cohenKappa:
                // Every shared unit has both annotators' judgements: there are only two.
                cohenKappa(shared.map { unit in
                    (unit.value[annotators[0]]!.counts(for: category), unit.value[annotators[1]]!.counts(for: category))
                })
            case .krippendorffAlpha:
                krippendorffAlpha(shared.map { unit in annotators.map { unit.value[$0]?.counts(for: category) } })
            case nil:
                Coefficient(value: nil, observed: nil, reason: "no unit was tagged by two or more annotators")
            }
            return Row(category: category.description, value: coefficient.value, observed: coefficient.observed,
                       reason: coefficient.reason)
        }
        var marks: [WorkQueue.Item: [String: Set<Disagreement.Mark>]] = [:]
        for tag in tags {
            guard let span = tag.span else { continue }
            marks[WorkQueue.Item(instance: tag.instance, system: tag.system), default: [:]][tag.annotator, default: []]
                .insert(Disagreement.Mark(span: span, categories: tag.categories.map(\.description).sorted()))
        }
        func differ(_ unit: WorkQueue.Item, _ judgements: [String: Set<CategoryPath>]) -> Bool {
            if Set(judgements.values).count > 1 { return true }
            let marked = marks[unit] ?? [:]
            return marked.count >= 2 && Set(marked.values).count > 1
        }
        disagreements = shared.filter { differ($0.key, $0.value) }.map { unit in
            Disagreement(instance: unit.key.instance, system: unit.key.system, annotations: unit.value.sorted { $0.key < $1.key }.map {
                Disagreement.Annotation(annotator: $0.key, categories: $0.value.sorted().map(\.description),
                                        spans: (marks[unit.key]?[$0.key] ?? []).sorted {
                    ($0.span.start, $0.span.end, $0.categories.joined(separator: "/")) < ($1.span.start, $1.span.end, $1.categories.joined(separator: "/"))
                })
            })
        }
        spans = tags.contains { $0.span != nil } ? SpanAgreement.pairs(tags: tags, typology: typology, references: references) : []
    }
}
