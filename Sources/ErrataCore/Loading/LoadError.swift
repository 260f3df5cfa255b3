/// A problem in an input file, located so that an editor can jump to it.
///
/// Printed as `file:line:column: message` (the format compilers use, which terminals and
/// editors turn into links). Lines and columns count from 1; columns count characters.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// Lines skipped by `--skip-bad-lines`, with the first few reasons kept for the report.
public struct SkippedLines: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var examples: [LoadError] = []

    public init() {}

    mutating func record(_ error: LoadError) {
        count += 1
        if examples.count < 5 { examples.append(error) }
    }

    /// Counts lines whose reasons were not kept.
    mutating func add(uncounted: Int) { count += uncounted }
}
