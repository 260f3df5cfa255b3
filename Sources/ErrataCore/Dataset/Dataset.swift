import BitCollections

/// What the systems do: decides the default metric and how outputs are compared with labels.
public enum Task: String, Sendable, Codable {
    /// One label per instance from a small set (sentiment, NLI, topic).
    case classification
    /// Free text compared with a reference (translation, summarisation).
    case generation
}

/// A dataset held in memory as columns: instances, their inputs, gold labels or references,
/// each system's outputs and the metadata to slice on.
///
/// Rows are instances, numbered from 0 in file order. Every column, input, label and system
/// output has exactly `count` rows.
public struct Dataset: Sendable {
    public var name: String
    public var task: Task
    /// The instance ids, unique; generated as 1, 2, 3, ... when the file has none.
    public var ids: TextColumn
    /// The text fields shown to the systems (for example source and context).
    public var inputs: [Column]
    /// The gold label (categorical, for classification) or reference (text, for generation).
    public var label: Column?
    public var systems: [SystemOutputs]
    /// Every other instance-level column.
    public var metadata: [Column]
    /// The metric shown when none is asked for (`accuracy`, `chrf`, ...).
    public var defaultMetric: String
    /// Where the data came from, for messages.
    public var source: String
    /// Lines left out by `--skip-bad-lines`.
    public var skipped: SkippedLines
    /// Cautions found while loading that did not stop it (for `errata validate`).
    public var warnings: [String]
    let idIndex: IDIndex
    /// Numeric columns whose smaller values are better (`MetricDirection`).
    public var lowerIsBetter: Set<String> = []
    /// Error annotations the file brings (MQM ratings), beside the user's own tags.
    public var expertRatings = ExpertRatings()
    /// The system whose outputs are the reference (`ColumnRoles.referenceSystem`), if any:
    /// meta-evaluation leaves it out, since text metrics score it against itself.
    public var referenceSystem: String?

    public var count: Int { ids.count }

    /// The row of the instance with this id.
    public func row(id: String) -> Int? { idIndex.row(of: id, in: ids) }

    public func system(named name: String) -> SystemOutputs? { systems.first { $0.name == name } }

    /// The classes of a classification task: the label's categories, extended by any class
    /// that only a system predicts.
    public var classes: [String] {
        if case .categorical(let c)? = label?.storage { return c.levels }
        return []
    }

    /// A column by name among inputs, label and metadata.
    public func column(named name: String) -> Column? {
        if let c = inputs.first(where: { $0.name == name }) { return c }
        if let label, label.name == name { return label }
        return metadata.first { $0.name == name }
    }

    /// Approximate heap bytes held by the columns.
    public var memoryFootprint: Int {
        var total = ids.memoryFootprint + idIndex.memoryFootprint
        for c in inputs + metadata { total += c.memoryFootprint }
        total += label?.memoryFootprint ?? 0
        for s in systems { total += s.memoryFootprint }
        return total
    }
}

/// One system's outputs over the dataset's instances.
public struct SystemOutputs: Sendable {
    public var name: String
    /// The output text of each row (empty where the system has no output).
    public var output: TextColumn
    /// Rows for which the system gave an output; nil when it gave one for every row.
    public var present: BitSet?
    /// Classification: the predicted class of each row as an index into `Dataset.classes`
    /// (-1 where missing).
    public var predictedClass: [Int32]?
    /// The system's confidence in its output, where it reports scores (NaN elsewhere).
    public var confidence: [Double]?
    /// Per-system columns (long layouts: any column whose value differs between systems).
    public var columns: [Column]

    public init(name: String, output: TextColumn, present: BitSet? = nil, predictedClass: [Int32]? = nil,
                confidence: [Double]? = nil, columns: [Column] = []) {
        self.name = name
        self.output = output
        self.present = present
        self.predictedClass = predictedClass
        self.confidence = confidence
        self.columns = columns
    }

    public func hasOutput(_ row: Int) -> Bool { present?.contains(row) ?? true }

    var memoryFootprint: Int {
        output.memoryFootprint + (predictedClass?.capacity ?? 0) * 4 + (confidence?.capacity ?? 0) * 8
            + columns.reduce(0) { $0 + $1.memoryFootprint }
    }
}
