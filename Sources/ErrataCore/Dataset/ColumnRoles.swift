/// Which column plays which part, as given by command-line flags or a manifest.
public struct ColumnRoles: Sendable, Equatable {
    public enum Layout: String, Sendable, Codable {
        /// One row per instance, one column per system's output.
        case wide
        /// One row per instance and system, with a system-name column (as WMT and MQM files come).
        case long
        /// Google's MQM ratings: one row per error a rater marked (`system doc doc_id seg_id
        /// rater source target category severity [comment]`), read by `MQMReader`.
        case mqm
    }

    public var name: String?
    public var task: Task?
    public var layout: Layout = .wide
    /// The id column; ids are generated when nil.
    public var id: String?
    public var inputs: [String] = []
    public var label: String?
    /// Wide layout: system name -> output column.
    public var outputs: [(system: String, column: String)] = []
    /// Long layout: the column naming the system and the column holding its output.
    public var systemColumn: String?
    public var outputColumn: String?
    /// Long layout: a separate file of system outputs (id, system, output), joined by id.
    public var outputsFile: String?
    /// Wide layout: system name -> column of scores (a number, or a JSON object or array of
    /// class probabilities); long layout: the one score column.
    public var scores: [(system: String, column: String)] = []
    public var scoreColumn: String?
    /// Declared column types, checked value by value.
    public var types: [String: ColumnType] = [:]
    public var metric: String?
    /// Numeric columns whose smaller values are better (error counts, MQM points, latency),
    /// and columns declared higher-is-better against a name's default (see `MetricDirection`).
    public var lowerIsBetter: Set<String> = []
    public var higherIsBetter: Set<String> = []
    /// A system whose outputs are also the reference (the label) that text metrics compare
    /// with, such as the human translation `ref` of an MQM file, which raters scored too.
    public var referenceSystem: String?
    /// MQM layout: the error weights (the standard ones when nil).
    public var mqmWeights: MQMWeights?

    public init() {}

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.task == b.task && a.layout == b.layout && a.id == b.id && a.inputs == b.inputs
            && a.label == b.label && a.outputs.elementsEqual(b.outputs, by: ==) && a.systemColumn == b.systemColumn
            && a.outputColumn == b.outputColumn && a.outputsFile == b.outputsFile
            && a.scores.elementsEqual(b.scores, by: ==) && a.scoreColumn == b.scoreColumn && a.types == b.types
            && a.metric == b.metric && a.lowerIsBetter == b.lowerIsBetter && a.higherIsBetter == b.higherIsBetter
            && a.referenceSystem == b.referenceSystem && a.mqmWeights == b.mqmWeights
    }
}
