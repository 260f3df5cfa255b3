import ArgumentParser
import ErrataCore
import Foundation
import Typology

/// Which data to open and which column plays which part; shared by every command.
struct DatasetOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A dataset folder with errata.json, a bundled dataset's name (rotten-tomatoes, wmt17-en-de, mqm-ted-en-de), or a .csv, .tsv or .jsonl file (a TSV of MQM ratings is recognised by its header).",
        valueName: "dataset"), completion: .file(extensions: ["csv", "tsv", "jsonl"]))
    var dataset: String = DatasetLocator.demoName

    @Option(name: .customLong("id"), help: "The id column (ids are generated when there is none).")
    var idColumn: String?

    @Option(name: .customLong("input"), help: "An input text column (repeat for several, e.g. source and context).")
    var inputs: [String] = []

    @Option(name: .customLong("label"), help: "The gold label or reference column.")
    var label: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("A system's output column, as NAME=COLUMN (repeat per system).", valueName: "name=column"))
    var outputs: [String] = []

    @Option(name: .customLong("score"), help: ArgumentHelp("A system's score column (a number or class probabilities), as NAME=COLUMN.", valueName: "name=column"))
    var scores: [String] = []

    @Option(help: "wide (one column per system), long (a system column, one row per instance and system) or mqm (MQM ratings: one row per error, docs/formats.md).")
    var layout: ColumnRoles.Layout?

    @Option(name: .customLong("reference-system"), help: ArgumentHelp("A system whose outputs are the reference for chrF, BLEU and TER; it stays a system (MQM files: ref).", valueName: "system"))
    var referenceSystem: String?

    @Option(name: .customLong("system-column"), help: "Long layout: the column naming the system.")
    var systemColumn: String?

    @Option(name: .customLong("output-column"), help: "Long layout: the column holding the output.")
    var outputColumn: String?

    @Option(name: .customLong("outputs-file"), help: "Long layout: a separate file of system outputs (id, system, output) joined by id.")
    var outputsFile: String?

    @Option(name: .customLong("type"), help: ArgumentHelp("Declare a column's type, as COLUMN=TYPE (categorical, numeric, boolean, date, text, list); every value is checked.", valueName: "column=type"))
    var types: [String] = []

    @Option(name: .customLong("lower-is-better"), help: ArgumentHelp("Numeric columns whose smaller values are better, comma-separated (error counts, latency); 'better', ▲/▼ and sorting follow.", valueName: "columns"))
    var lowerIsBetter: [String] = []

    @Option(name: .customLong("higher-is-better"), help: ArgumentHelp("Numeric columns whose larger values are better, against a name's default (a column called mqm is lower-is-better).", valueName: "columns"))
    var higherIsBetter: [String] = []

    @Option(help: "classification or generation (inferred from the label when absent).")
    var task: Task?

    @Flag(name: .customLong("skip-bad-lines"), help: "Load the rest of a file with malformed lines, and report how many were skipped.")
    var skipBadLines = false

    func roles() throws -> ColumnRoles {
        var roles = ColumnRoles()
        roles.id = idColumn
        roles.inputs = inputs
        roles.label = label
        roles.outputs = try outputs.map { try Self.pair($0, flag: "--output") }
        if let layout { roles.layout = layout }
        roles.systemColumn = systemColumn
        roles.outputColumn = outputColumn
        roles.outputsFile = outputsFile
        if systemColumn != nil || outputsFile != nil { roles.layout = .long }
        let scorePairs = try scores.map { try Self.pair($0, flag: "--score") }
        if roles.layout == .long, scorePairs.count == 1, !scores[0].contains("=") {
            roles.scoreColumn = scores[0]
        } else {
            roles.scores = scorePairs
        }
        for declaration in types {
            let (column, typeName) = try Self.pair(declaration, flag: "--type")
            guard let type = ColumnType(rawValue: typeName) else {
                throw ValidationError("--type \(declaration): unknown type '\(typeName)'; use one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            roles.types[column] = type
        }
        roles.task = task
        roles.referenceSystem = referenceSystem
        roles.lowerIsBetter = Set(lowerIsBetter.flatMap { systemList($0) ?? [] })
        roles.higherIsBetter = Set(higherIsBetter.flatMap { systemList($0) ?? [] })
        return roles
    }

    static func pair(_ text: String, flag: String) throws -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("\(flag) \(text): expected NAME=COLUMN")
        }
        return (parts[0], parts[1])
    }

    /// Loads the dataset and reports skipped lines on standard error (unless a full-screen
    /// caller reports them itself, after the terminal is restored). Slices may ask for tags
    /// (`tagged("Accuracy")`, `counterfactual`), so the dataset's tags and kept what-if edits are
    /// read where it has them, unless
    /// the caller opens the store itself (`readingTags: false`): the workbench reads it after
    /// its first frame, `errata tags` keeps it open to write.
    func load(progress: LoadProgressHandler? = nil, reportSkipped: Bool = true, readingTags: Bool = true) throws -> Analysis {
        let path = DatasetLocator.resolve(dataset)
        let data = try DatasetLoader.load(path, overrides: try roles(), skipBadLines: skipBadLines, progress: progress)
        if reportSkipped { Self.reportCautions(data, path: path) }
        let analysis = Analysis(dataset: data)
        let store = TagStore.path(for: data)
        if readingTags, TagStore.exists(at: store) {
            // A command that reads tags only for `tagged()` still runs when the store cannot be
            // read: the warning says why the tags are missing.
            do {
                analysis.tags.entries = InstanceTags(try TagStore(path: store).tags()).entries
            } catch {
                FileHandle.standardError.write(Data("errata: warning: tags not read, slices see none: \(error)\n".utf8))
            }
        }
        // The kept what-if edits, for `counterfactual` and `flipped` in a slice.
        if readingTags { do {
            analysis.tags.edits = try Counterfactuals.load(for: data).map(InstanceTags.Edit.init)
        } catch {
            FileHandle.standardError.write(Data("errata: warning: what-if edits not read, `counterfactual` sees none: \(error)\n".utf8))
        } }
        return analysis
    }

    /// Skipped lines, missing labels or outputs, and load warnings (a vocabulary the label
    /// does not share, ids that group nothing), on standard error: each changes what the
    /// counts and metrics cover, and a set-up that loads but cannot mean much says so.
    static func reportCautions(_ data: Dataset, path: String) {
        var message = ""
        if data.skipped.count > 0 {
            message += "errata: skipped \(data.skipped.count) bad line\(data.skipped.count == 1 ? "" : "s") of \(path)\n"
            for example in data.skipped.examples { message += "  \(example)\n" }
        }
        for note in data.missing.notes { message += "errata: warning: \(path): \(note)\n" }
        for warning in data.warnings { message += "errata: warning: \(warning)\n" }
        if !message.isEmpty { FileHandle.standardError.write(Data(message.utf8)) }
    }
}

extension ColumnRoles.Layout: ExpressibleByArgument {}
extension Task: ExpressibleByArgument {}
