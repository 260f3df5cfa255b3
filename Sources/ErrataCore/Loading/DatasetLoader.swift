import Foundation

/// Opens a dataset from a file or a folder with an `errata.json` manifest.
public enum DatasetLoader {
    /// Loads `path`: a folder holding `errata.json`, a data file with a manifest beside it that
    /// names it, or a bare CSV, TSV or JSON Lines file; a TSV with an MQM header (or any file
    /// with the `mqm` layout) is read by `MQMReader`. Roles given in `overrides` win over the
    /// manifest's; with neither, common column names (`id`, `text`, `label`, ...) are used.
    /// `progress`, when given, hears how far reading and building have come.
    public static func load(_ path: String, overrides: ColumnRoles = ColumnRoles(), skipBadLines: Bool = false,
                            progress: LoadProgressHandler? = nil) throws -> Dataset {
        let isDirectory = try InputPath.kind(of: path) == .folder
        var dataPath = path
        var roles = ColumnRoles()
        var fromManifest = false
        if isDirectory {
            let manifestPath = (path as NSString).appendingPathComponent(Manifest.fileName)
            guard FileManager.default.fileExists(atPath: manifestPath) else {
                throw LoadError(file: path, "a dataset folder needs an \(Manifest.fileName) manifest (see Datasets/README.md)")
            }
            (dataPath, roles) = try Manifest.load(manifestPath).roles(directory: path)
            fromManifest = true
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            let manifestPath = (directory.isEmpty ? "." : directory as NSString).appendingPathComponent(Manifest.fileName)
            if FileManager.default.fileExists(atPath: manifestPath) {
                let manifest = try Manifest.load(manifestPath)
                let resolved = manifest.roles(directory: directory.isEmpty ? "." : directory)
                if (resolved.data as NSString).standardizingPath == (path as NSString).standardizingPath {
                    roles = resolved.roles
                    fromManifest = true
                }
            }
        }
        roles.merge(overrides)
        let readShare = roles.outputsFile == nil ? 0.0 ... 0.8 : 0.0 ... 0.4
        let data = try readTable(dataPath, skipBadLines: skipBadLines, tabSeparated: roles.layout == .mqm,
                                 progress: ReadProgress(progress, activity: "reading \((dataPath as NSString).lastPathComponent)", range: readShare))
        if roles.name == nil {
            roles.name = ((isDirectory ? path : dataPath) as NSString).lastPathComponent
        }
        // A bare file with an MQM header is read as MQM ratings unless a flag says otherwise.
        if roles.layout == .mqm || (!fromManifest && overrides.layout == .wide && overrides.systemColumn == nil
                                    && MQMReader.recognises(data.columnNames)) {
            progress?(0.8, "grouping ratings")
            let dataset = try MQMReader(roles: roles, skipBadLines: skipBadLines).build(data)
            progress?(1, "loaded")
            return try roles.referenceSystem.map { try dataset.usingReference(system: $0) } ?? dataset
        }
        if !fromManifest { roles.guess(from: data.columnNames) }
        let outputs = try roles.outputsFile.map {
            try readTable($0, skipBadLines: skipBadLines,
                          progress: ReadProgress(progress, activity: "reading \(($0 as NSString).lastPathComponent)", range: 0.4 ... 0.8))
        }
        progress?(0.8, "building columns")
        let dataset = try DatasetBuilder(roles: roles, skipBadLines: skipBadLines).build(data: data, outputs: outputs)
        progress?(1, "loaded")
        return try roles.referenceSystem.map { try dataset.usingReference(system: $0) } ?? dataset
    }

    /// Reads a CSV (`.csv`), TSV (`.tsv`, `.tab`) or JSON Lines (`.jsonl`, `.ndjson`) file.
    public static func readTable(_ path: String, skipBadLines: Bool = false) throws -> RawTable {
        try readTable(path, skipBadLines: skipBadLines, progress: ReadProgress(nil))
    }

    /// `tabSeparated`: read as TSV whatever the extension (MQM ratings, forced with `--layout mqm`).
    static func readTable(_ path: String, skipBadLines: Bool, tabSeparated: Bool = false, progress: ReadProgress) throws -> RawTable {
        let ext = tabSeparated ? "tsv" : (path as NSString).pathExtension.lowercased()
        guard ["csv", "tsv", "tab", "jsonl", "ndjson"].contains(ext) else {
            throw LoadError(file: path, "unknown file type '.\(ext)': use .csv, .tsv or .jsonl (one JSON object per line)")
        }
        guard try InputPath.kind(of: path) == .file else { throw LoadError(file: path, "a folder, not a data file") }
        let file = try MappedFile(path: path)
        let release: @Sendable (Range<Int>) -> Void = { file.release($0) }
        return try withExtendedLifetime(file) {
            switch ext {
            case "jsonl", "ndjson":
                var reader = JSONLinesReader(file: path, skipBadLines: skipBadLines, progress: progress)
                reader.releasePages = release
                return try reader.read(file.bytes)
            default:
                var reader = DelimitedReader(file: path, dialect: ext == "csv" ? .csv : .tsv, skipBadLines: skipBadLines, progress: progress)
                reader.releasePages = release
                return try reader.read(file.bytes)
            }
        }
    }
}

extension ColumnRoles {
    /// True when no role was given (so common names may be guessed).
    var isUnset: Bool { self == ColumnRoles() }

    /// Takes every role that `other` sets.
    mutating func merge(_ other: ColumnRoles) {
        if let v = other.name { name = v }
        if let v = other.task { task = v }
        if other.layout != .wide || other.systemColumn != nil { layout = other.layout }
        if let v = other.id { id = v }
        if !other.inputs.isEmpty { inputs = other.inputs }
        if let v = other.label { label = v }
        if !other.outputs.isEmpty { outputs = other.outputs }
        if let v = other.systemColumn { systemColumn = v }
        if let v = other.outputColumn { outputColumn = v }
        if let v = other.outputsFile { outputsFile = v }
        if !other.scores.isEmpty { scores = other.scores }
        if let v = other.scoreColumn { scoreColumn = v }
        types.merge(other.types) { $1 }
        if let v = other.metric { metric = v }
        if let v = other.referenceSystem { referenceSystem = v }
        if let v = other.mqmWeights { mqmWeights = v }
        lowerIsBetter = lowerIsBetter.subtracting(other.higherIsBetter).union(other.lowerIsBetter)
        higherIsBetter = higherIsBetter.subtracting(other.lowerIsBetter).union(other.higherIsBetter)
    }

    /// Roles from conventional column names, for a bare file: fills only the roles no flag gave.
    mutating func guess(from columns: [String]) {
        func first(_ names: [String]) -> String? { names.first { columns.contains($0) } }
        if id == nil { id = first(["id", "idx", "uid", "instance_id"]) }
        if inputs.isEmpty, let input = first(["text", "input", "source", "sentence", "src", "question", "premise"]) { inputs = [input] }
        if label == nil { label = first(["label", "gold", "reference", "ref", "target", "answer"]) }
        guard outputs.isEmpty, systemColumn == nil, outputsFile == nil else { return }
        if columns.contains("system"), let output = first(["output", "prediction", "hypothesis", "hyp"]) {
            layout = .long
            systemColumn = "system"
            outputColumn = output
        } else {
            for column in columns {
                for prefix in ["pred_", "output_", "prediction_"] where column.hasPrefix(prefix) && column.count > prefix.count {
                    outputs.append((String(column.dropFirst(prefix.count)), column))
                }
            }
        }
    }
}
