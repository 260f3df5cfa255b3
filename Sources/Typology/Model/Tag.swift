import ErrataCore

/// One annotation: an annotator's judgement that an instance (and, where the error is a
/// system's, that system's output) shows errors of one or more categories.
///
/// Its JSON is the documented line of `errata tags export`:
/// `{"instance": ID, "system": NAME or null, "span": [START, END] or null, "categories":
/// ["Accuracy/Omission"], "severity": "major" or null, "note": TEXT, "annotator": NAME,
/// "time": ISO-8601}`.
public struct Tag: Sendable, Equatable, Hashable, Codable {
    public var instance: String
    public var system: String?
    /// Where in the system's output the error is, in Unicode scalars (an MQM error span); nil
    /// for a tag about the output as a whole. Only a tag with a system has one.
    public var span: TextSpan?
    public var categories: [CategoryPath]
    public var severity: String?
    public var note: String
    public var annotator: String
    /// When the tag was made, ISO-8601 in UTC (`2026-11-26T22:40:01.123Z`), kept as written
    /// so that export and import are an exact round trip.
    public var time: String

    public init(instance: String, system: String? = nil, span: TextSpan? = nil, categories: [CategoryPath], severity: String? = nil,
                note: String = "", annotator: String, time: String) {
        self.instance = instance
        self.system = system
        self.span = span
        self.categories = categories
        self.severity = severity
        self.note = note
        self.annotator = annotator
        self.time = time
    }

    enum CodingKeys: String, CodingKey { case instance, system, span, categories, severity, note, annotator, time }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        instance = try c.decode(String.self, forKey: .instance)
        system = try c.decodeIfPresent(String.self, forKey: .system)
        // Absent in lines written before spans existed: those tags are about the whole output.
        span = try c.decodeIfPresent(TextSpan.self, forKey: .span)
        if span != nil, system == nil {
            throw DecodingError.dataCorruptedError(forKey: .span, in: c, debugDescription: "a span is a place in a system's output; give the system too")
        }
        let names = try c.decode([String].self, forKey: .categories)
        categories = try names.map { name in
            guard let path = CategoryPath(name) else {
                throw DecodingError.dataCorruptedError(forKey: .categories, in: c, debugDescription: "'\(name.prefix(80))' is not a category path (\(CategoryPath.syntax))")
            }
            return path
        }
        severity = try c.decodeIfPresent(String.self, forKey: .severity)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        annotator = try c.decode(String.self, forKey: .annotator)
        time = try c.decode(String.self, forKey: .time)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(instance, forKey: .instance)
        try c.encode(system, forKey: .system)
        try c.encode(span, forKey: .span)
        try c.encode(categories.map(\.description), forKey: .categories)
        try c.encode(severity, forKey: .severity)
        try c.encode(note, forKey: .note)
        try c.encode(annotator, forKey: .annotator)
        try c.encode(time, forKey: .time)
    }
}

/// A tag as the store holds it, with its row id (what undo, edit and delete refer to).
public struct StoredTag: Sendable, Equatable, Hashable {
    public var id: Int64
    public var tag: Tag

    public init(id: Int64, tag: Tag) {
        self.id = id
        self.tag = tag
    }
}
