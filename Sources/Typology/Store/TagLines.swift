import ErrataCore
import Foundation

/// Tags as JSON Lines, the form `errata tags export` writes and `import` reads: one tag a line,
/// keys in the documented order (`instance`, `system`, `span`, `categories`, `severity`,
/// `note`, `annotator`, `time`), `null` for no system, span or severity, `/` and non-ASCII text unescaped so
/// that lines diff and merge well.
enum TagLines {
    static func encode(_ tags: [Tag]) throws -> String {
        try tags.map { try line($0) + "\n" }.joined()
    }

    /// The object is assembled here, each value encoded by `JSONEncoder`, because Foundation's
    /// encoder on Linux writes an object's keys in no fixed order, and the bytes of an export
    /// must be the same every time.
    private static func line(_ tag: Tag) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let fields = [
            ("instance", try json(tag.instance)), ("system", try json(tag.system)),
            ("span", try json(tag.span)),
            ("categories", try json(tag.categories.map(\.description))), ("severity", try json(tag.severity)),
            ("note", try json(tag.note)), ("annotator", try json(tag.annotator)), ("time", try json(tag.time)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// Every tag of `text`, blank lines skipped; the first bad line is a `TagFileError`.
    /// Lines are split on `\n` (and `\r\n`) only: a note may hold other line separators.
    /// `check` may refuse a well-formed tag (an instance the dataset lacks) with a message;
    /// `firstLine` numbers lines read one at a time from a stream.
    static func parse(_ text: String, file: String, firstLine: Int = 1, check: (Tag) -> String? = { _ in nil }) throws -> [Tag] {
        let decoder = JSONDecoder()
        var tags: [Tag] = []
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes[...]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let fail = { (message: String) in TagFileError(file: file, line: firstLine + index, message: message) }
            let tag: Tag
            do {
                tag = try decoder.decode(Tag.self, from: Data(line))
            } catch let error as DecodingError {
                throw fail(Manifest.explain(error, document: "the line"))
            }
            guard Tag.isValidTime(tag.time) else {
                throw fail("key 'time': '\(tag.time)' is not an ISO-8601 time")
            }
            if let problem = check(tag) { throw fail(problem) }
            tags.append(tag)
        }
        return tags
    }
}

extension Tag {
    /// The tags of JSON Lines text, as `importLines` reads them, without storing them: for
    /// streams read a line at a time (`firstLine` numbers them) and for checks against a dataset.
    public static func parseLines(_ text: String, file: String, firstLine: Int = 1, check: (Tag) -> String? = { _ in nil }) throws -> [Tag] {
        try TagLines.parse(text, file: file, firstLine: firstLine, check: check)
    }
}

extension TagStore {
    /// Every tag as JSON Lines, in id order; importing it into a fresh store and exporting
    /// again gives the same bytes.
    public func exportLines() throws -> String {
        try TagLines.encode(tags().map(\.tag))
    }

    /// Imports JSON Lines (`file` names them in errors): all lines are parsed first, so a bad
    /// line (reported with its number) imports nothing; then one transaction adds the
    /// categories and severities the tags use and the tags not already stored. Returns how
    /// many tags were added. The import is one undoable action.
    @discardableResult
    public func importLines(_ text: String, file: String, check: (Tag) -> String? = { _ in nil }) throws -> Int {
        let tags = try TagLines.parse(text, file: file, check: check)
        return try perform("import \(file)") { try $0.importTags(tags) }
    }
}
