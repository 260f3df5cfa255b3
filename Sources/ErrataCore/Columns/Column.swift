import Foundation

/// One named column of a dataset, stored by type.
public struct Column: Sendable {
    public var name: String
    public var storage: Storage

    public init(name: String, storage: Storage) {
        self.name = name
        self.storage = storage
    }

    /// Typed, columnar storage. Missing values: NaN for numbers and dates, code -1 for
    /// categories, -1 for booleans, an empty string for text, an empty list for lists.
    public enum Storage: Sendable {
        case categorical(CategoricalColumn)
        case numeric([Double])
        case boolean([Int8])
        case date([Double])
        case text(TextColumn)
        case list(ListColumn)
    }

    public var type: ColumnType {
        switch storage {
        case .categorical: .categorical
        case .numeric: .numeric
        case .boolean: .boolean
        case .date: .date
        case .text: .text
        case .list: .list
        }
    }

    public var count: Int {
        switch storage {
        case .categorical(let c): c.codes.count
        case .numeric(let v), .date(let v): v.count
        case .boolean(let v): v.count
        case .text(let t): t.count
        case .list(let l): l.count
        }
    }

    /// Whether row `i` has no value.
    public func isMissing(_ i: Int) -> Bool {
        switch storage {
        case .categorical(let c): c.codes[i] < 0
        case .numeric(let v), .date(let v): v[i].isNaN
        case .boolean(let v): v[i] < 0
        case .text(let t): t.byteCount(i) == 0
        case .list(let l): l.offsets[i] == l.offsets[i + 1]
        }
    }

    /// Row `i` as display text (what a table cell or CSV export shows).
    public func displayValue(_ i: Int) -> String {
        switch storage {
        case .categorical(let c): c.value(i) ?? ""
        case .numeric(let v): v[i].isNaN ? "" : formatNumber(v[i])
        case .boolean(let v): v[i] < 0 ? "" : (v[i] == 1 ? "true" : "false")
        case .date(let v): v[i].isNaN ? "" : ISODate.format(v[i])
        case .text(let t): t[i]
        case .list(let l): l.values(i).joined(separator: "|")
        }
    }

    /// Approximate heap bytes held.
    public var memoryFootprint: Int {
        switch storage {
        case .categorical(let c): c.codes.capacity * 4 + c.levels.reduce(0) { $0 + $1.utf8.count + 16 }
        case .numeric(let v), .date(let v): v.capacity * 8
        case .boolean(let v): v.capacity
        case .text(let t): t.memoryFootprint
        case .list(let l): l.offsets.capacity * 8 + l.codes.capacity * 4
        }
    }
}

/// Shortest faithful decimal form: integers without ".0", others to at most 6 significant digits.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var text = String(format: "%.6g", x)
    if text.contains("e") { return text }
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text
}
