import BitCollections

/// A set of instances with a name: "All instances", a saved slice, one value of a column.
public struct NamedSlice: Sendable {
    public var name: String
    public var rows: BitSet

    public init(name: String, rows: BitSet) {
        self.name = name
        self.rows = rows
    }

    public static let allName = "All instances"
}
