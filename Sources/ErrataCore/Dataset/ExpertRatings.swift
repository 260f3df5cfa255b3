/// A half-open range `[start, end)` of Unicode scalar offsets into a text.
///
/// Scalars, not grapheme clusters or UTF-16 units: the attribution engine's token offsets use
/// the same unit, and a script reading an exported span slices the same text with Python's
/// `text[start:end]`. Views map scalars to graphemes and cells when they draw.
public struct TextSpan: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(0 <= start && start <= end, "a span runs forward from 0")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var description: String { "[\(start), \(end))" }

    /// JSON is the pair `[start, end]`, as tag export writes it.
    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let start = try c.decode(Int.self)
        let end = try c.decode(Int.self)
        guard c.isAtEnd, 0 <= start, start <= end else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a span is [start, end] with 0 <= start <= end"))
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}

/// Error annotations that come with a dataset (for example Google's expert MQM ratings),
/// read from its file and never written to the user's tag store: the experts' judgements
/// stay the experts', and a user's own tags are compared with them.
public struct ExpertRatings: Sendable, Equatable {
    public var ratings: [ExpertRating]

    public init(ratings: [ExpertRating] = []) { self.ratings = ratings }

    public var isEmpty: Bool { ratings.isEmpty }
    /// The raters, in order of first appearance.
    public var raters: [String] {
        var seen = Set<String>()
        return ratings.map(\.rater).filter { seen.insert($0).inserted }
    }
}

/// One rater's judgement of one system's output for one instance: the errors they marked,
/// none when they found the output free of errors (an MQM `No-error` row).
public struct ExpertRating: Sendable, Hashable {
    public var instance: String
    public var system: String
    public var rater: String
    public var errors: [ExpertError]

    public init(instance: String, system: String, rater: String, errors: [ExpertError]) {
        self.instance = instance
        self.system = system
        self.rater = rater
        self.errors = errors
    }
}

/// One error an expert marked.
public struct ExpertError: Sendable, Hashable {
    /// The category as the file names it, levels joined by `/` (`Accuracy/Mistranslation`).
    public var category: String
    /// The severity as the file spells it (`Major`, `Minor`, `Neutral`).
    public var severity: String
    /// Where the error is in the system's output, when the rater marked a span there.
    public var span: TextSpan?
    /// Where the error is in the input (source), when the rater marked a span there.
    public var sourceSpan: TextSpan?
    /// The file's line the error was read from, for messages.
    public var line: Int
    /// The rater's note, where the file has one (MQM's `comment` column; nil when empty).
    public var comment: String?

    public init(category: String, severity: String, span: TextSpan? = nil, sourceSpan: TextSpan? = nil, line: Int,
                comment: String? = nil) {
        self.category = category
        self.severity = severity
        self.span = span
        self.sourceSpan = sourceSpan
        self.line = line
        self.comment = comment
    }
}
