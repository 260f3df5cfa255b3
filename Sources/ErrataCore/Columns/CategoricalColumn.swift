/// Dictionary-encoded labels: a code per row and the distinct values once.
///
/// Comparisons and group-bys then work on small integers: `genre == "horror"` becomes one
/// dictionary look-up and a pass over an `Int32` array.
public struct CategoricalColumn: Sendable, Equatable {
    /// Code of each row; -1 is missing.
    public private(set) var codes: [Int32] = []
    /// Distinct values in order of first appearance.
    public private(set) var levels: [String] = []
    private var index: [String: Int32] = [:]

    public init() {}

    /// A column of `codes` (-1 missing) into `levels`, built without a string per row.
    public init(codes: [Int32], levels: [String]) {
        self.codes = codes
        self.levels = levels
        index = Dictionary(levels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    }

    public init(_ values: some Sequence<String?>) {
        for value in values { append(value) }
    }

    public var count: Int { codes.count }

    /// The code of `value`, adding it as a new level if unseen.
    public mutating func code(for value: String) -> Int32 {
        if let code = index[value] { return code }
        let code = Int32(levels.count)
        levels.append(value)
        index[value] = code
        return code
    }

    public func existingCode(for value: String) -> Int32? { index[value] }

    public mutating func append(_ value: String?) {
        codes.append(value.map { code(for: $0) } ?? -1)
    }

    public mutating func appendCode(_ code: Int32) { codes.append(code) }

    public func value(_ i: Int) -> String? {
        let code = codes[i]
        return code < 0 ? nil : levels[Int(code)]
    }

    /// Rows per level, in level order.
    public func levelCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: levels.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        return counts
    }

    public static func == (a: Self, b: Self) -> Bool { a.codes == b.codes && a.levels == b.levels }
}

/// Several labels per row (for example tags), dictionary-encoded.
public struct ListColumn: Sendable, Equatable {
    /// Row `i` holds `codes[offsets[i] ..< offsets[i + 1]]`.
    public private(set) var offsets: [Int] = [0]
    public private(set) var codes: [Int32] = []
    public private(set) var dictionary = CategoricalColumn()

    public init() {}

    public init(_ rows: some Sequence<[String]>) {
        for row in rows { append(row) }
    }

    public var count: Int { offsets.count - 1 }
    public var levels: [String] { dictionary.levels }

    public mutating func append(_ values: [String]) {
        for value in values { codes.append(dictionary.code(for: value)) }
        offsets.append(codes.count)
    }

    public func values(_ i: Int) -> [String] {
        codes[offsets[i] ..< offsets[i + 1]].map { dictionary.levels[Int($0)] }
    }

    public func contains(row i: Int, code: Int32) -> Bool {
        codes[offsets[i] ..< offsets[i + 1]].contains(code)
    }
}
