import Foundation

/// `errata.json`: a dataset folder's description of its files and column roles, so that the
/// bundled datasets (and a user's own) open with no flags. See Datasets/README.md.
public struct Manifest: Sendable, Codable, Equatable {
    public var name: String?
    public var description: String?
    public var task: Task?
    /// The main file, relative to the manifest.
    public var data: String
    public var layout: ColumnRoles.Layout?
    public var id: String?
    public var input: [String]?
    public var label: String?
    /// Wide layout: system name -> output column.
    public var outputs: [String: String]?
    /// A separate long-layout file of system outputs, relative to the manifest.
    public var outputsData: String?
    public var system: String?
    public var output: String?
    /// Wide layout: system name -> score column.
    public var scores: [String: String]?
    /// Long layout: the score column.
    public var score: String?
    public var metric: String?
    public var types: [String: ColumnType]?
    /// System name -> the kind of model that explains it (`minilm-sentiment`,
    /// `bag-of-words`; docs/formats.md). Systems not named here are never explained: a model
    /// trained on other data would explain nothing about them.
    public var explainers: [String: String]?
    /// Numeric columns whose smaller values are better (`["mqm", "latency"]`).
    public var lowerIsBetter: [String]?
    /// Columns whose larger values are better against their name's default (a negated MQM score).
    public var higherIsBetter: [String]?
    /// A system whose outputs are also the reference for text metrics (`ref` in MQM files).
    public var referenceSystem: String?
    /// MQM layout: error weights, rule -> weight (`{"Major": 5, "Minor/Fluency/Punctuation": 0.1}`).
    public var mqmWeights: MQMWeights?

    enum CodingKeys: String, CodingKey {
        case name, description, task, data, layout, id, input, label, outputs, system, output, scores, score,
             metric, types, explainers
        case outputsData = "outputs_data", lowerIsBetter = "lower_is_better", higherIsBetter = "higher_is_better"
        case referenceSystem = "reference_system", mqmWeights = "mqm_weights"
    }

    public static let fileName = "errata.json"

    /// Reads a manifest; errors name the file and the offending key.
    public static func load(_ path: String) throws -> Manifest {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw LoadError(file: path, "cannot read the manifest")
        }
        do {
            return try JSONDecoder().decode(Manifest.self, from: bytes)
        } catch let error as DecodingError {
            throw LoadError(file: path, decoding: error, in: bytes, document: "the manifest")
        }
    }

    /// What is wrong with a JSON document, in words, naming the offending key
    /// (`categories[0].children[2].name`); shared by every JSON file errata reads (manifests,
    /// saved slices, typologies, lines of exported tags). `document` names the whole when the
    /// error is not about one key.
    public static func explain(_ error: DecodingError, document: String = "the manifest") -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.reduce("") { path, key in
                key.intValue.map { path + "[\($0)]" } ?? (path.isEmpty ? "" : path + ".") + key.stringValue
            }
            return keys.isEmpty ? document : "key '\(keys)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(path(context))"
            return "missing key '\(key.stringValue)'\(parent)"
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(describe(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context)): expected \(describe(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON" + (detail.map { ": \($0)" } ?? "")
            }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(document) is not valid"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "an array of strings"
        case is [String: String].Type: "an object of strings"
        default: "a value of type \(type)"
        }
    }

    /// The roles this manifest gives, with files resolved against `directory`.
    public func roles(directory: String) -> (data: String, roles: ColumnRoles) {
        var roles = ColumnRoles()
        roles.name = name
        roles.task = task
        roles.layout = layout ?? (outputsData != nil || system != nil ? .long : .wide)
        roles.id = id
        roles.inputs = input ?? []
        roles.label = label
        roles.outputs = (outputs ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        roles.outputsFile = outputsData.map { Self.resolve($0, against: directory) }
        roles.systemColumn = system
        roles.outputColumn = output
        roles.scores = (scores ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        roles.scoreColumn = score
        roles.metric = metric
        roles.types = types ?? [:]
        roles.lowerIsBetter = Set(lowerIsBetter ?? [])
        roles.higherIsBetter = Set(higherIsBetter ?? [])
        roles.referenceSystem = referenceSystem
        roles.mqmWeights = mqmWeights
        return (Self.resolve(data, against: directory), roles)
    }

    static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
