/// The metrics a dataset offers, by name.
///
/// Classification: `accuracy`, `macro_f1`, `micro_f1`. Generation: `chrf`, `chrf++`, `bleu`,
/// `ter`, `exact_match`. Both: `confidence` (mean of a system's scores) and any numeric
/// column, metadata or per-system, as the mean over the slice. MQM ratings bring `mqm` this
/// way: `MQMReader` scores each output at load into a per-system column (lower is better).
public enum MetricCatalog {
    public static let classification = ["accuracy", "macro_f1", "micro_f1"]
    public static let generation = ["chrf", "chrf++", "bleu", "ter", "exact_match"]

    /// Every metric name usable on `dataset`.
    public static func names(for dataset: Dataset) -> [String] {
        var names = dataset.task == .classification ? classification : generation
        if dataset.systems.contains(where: { $0.confidence != nil }) { names.append("confidence") }
        // A set, not a scan of the names so far: a file with 100,000 numeric columns has as many metrics.
        var seen = Set(names)
        for column in dataset.metadata + dataset.systems.flatMap(\.columns) where column.type == .numeric {
            if seen.insert(column.name).inserted { names.append(column.name) }
        }
        return names
    }

    /// The text metric of a generation dataset, if `name` is one.
    static func textMetric(_ name: String) -> (any TextPairMetric)? {
        switch name {
        case "chrf": ChrF()
        case "chrf++": ChrF(wordOrder: 2)
        case "bleu": BLEU()
        case "ter": TER()
        case "exact_match": ExactMatch()
        default: nil
        }
    }
}

/// A metric name that the dataset does not offer.
public struct UnknownMetric: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var available: [String]

    public init(name: String, available: [String]) {
        self.name = name
        self.available = available
    }

    public var description: String {
        let suggestion = closest(name, among: available).map { "; did you mean '\($0)'?" } ?? ""
        return "unknown metric '\(name)'\(suggestion) (this dataset offers: \(available.joined(separator: ", ")))"
    }
}
