import Foundation

/// How much each MQM error costs, by severity and category, as Google's MQM scorer states
/// them: a rule `severity[/category[/subcategory]]` with its weight, the most specific rule
/// that matches an error applies, names compared without regard to case.
///
/// The standard weights are those of Freitag et al. 2021 ("Experts, Errors, and Context"):
/// Major 5, Minor 1, Neutral 0, Minor `Fluency/Punctuation` 0.1, Major `Non-translation!` 25.
/// A manifest replaces them with its own `mqm_weights` object (same keys); the severities
/// its rules name are the severities the file may use.
public struct MQMWeights: Sendable, Equatable, Codable {
    /// Rule -> weight, e.g. `"Minor/Fluency/Punctuation": 0.1`.
    public private(set) var rules: [String: Double]
    /// The rules as lower-cased paths, longest first: the first match is the most specific.
    private let paths: [(path: [String], weight: Double)]

    public static let standard = try! MQMWeights([
        "Major": 5, "Minor": 1, "Neutral": 0,
        "Minor/Fluency/Punctuation": 0.1, "Major/Non-translation!": 25,
    ])

    /// The severity of a rating that found no error (an MQM `No-error` row); it weighs nothing.
    public static let noError = "no-error"

    public init(_ rules: [String: Double]) throws(MQMWeightsError) {
        var paths: [(path: [String], weight: Double)] = []
        for (rule, weight) in rules.sorted(by: { $0.key < $1.key }) {
            let path = Self.path(rule)
            guard !path.isEmpty, !path.contains(where: \.isEmpty) else {
                throw MQMWeightsError(rule: rule, "a rule is severity[/category[/subcategory]], with no empty level")
            }
            guard weight.isFinite else { throw MQMWeightsError(rule: rule, "the weight must be a finite number") }
            paths.append((path, weight))
        }
        self.rules = rules
        self.paths = paths.sorted { $0.path.count > $1.path.count }
    }

    public init(from decoder: Decoder) throws {
        let rules = try decoder.singleValueContainer().decode([String: Double].self)
        do {
            try self.init(rules)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rules)
    }

    public static func == (a: Self, b: Self) -> Bool { a.rules == b.rules }

    /// The severities the rules name (lower-cased), besides `no-error`.
    public var severities: Set<String> { Set(paths.map { $0.path[0] }) }

    /// Whether `severity` is one the file may use.
    public func knows(severity: String) -> Bool {
        let s = severity.lowercased()
        return s == Self.noError || severities.contains(s)
    }

    /// The weight of an error: the most specific rule whose levels begin the error's
    /// `[severity] + category levels`; 0 when no rule matches (a `No-error` rating).
    public func weight(severity: String, category: String) -> Double {
        let error = Self.path(severity) + Self.path(category)
        for (path, weight) in paths where path.count <= error.count && error.starts(with: path) {
            return weight
        }
        return 0
    }

    /// One rater's score of one output: the sum of its errors' weights (0 for no error).
    public func score(_ rating: ExpertRating) -> Double {
        rating.errors.reduce(0) { $0 + weight(severity: $1.severity, category: $1.category) }
    }

    private static func path(_ text: String) -> [String] {
        text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

/// A weight rule that cannot be used.
public struct MQMWeightsError: Error, Sendable, CustomStringConvertible {
    public var rule: String
    public var message: String
    init(rule: String, _ message: String) {
        self.rule = rule
        self.message = message
    }
    public var description: String { "MQM weight '\(rule)': \(message)" }
}
