import BitCollections

/// The value of a slice expression over every instance: a column, a computed feature, or a
/// constant. Conditions are `truth`.
public enum SliceValue: Sendable {
    case numbers([Double])
    case truth(BitSet)
    case texts(TextColumn)
    case categories(CategoricalColumn)
    case lists(ListColumn)
    case constantString(String)
    case constantNumber(Double)
    case constantBoolean(Bool)

    var kindName: String {
        switch self {
        case .numbers, .constantNumber: "a number"
        case .truth, .constantBoolean: "a condition (true or false)"
        case .texts: "text"
        case .categories: "a category"
        case .lists: "a list"
        case .constantString: "a string"
        }
    }

    /// The value as a column, for grouping, histograms and tables.
    public func column(named name: String, count: Int) -> Column {
        switch self {
        case .numbers(let v): Column(name: name, storage: .numeric(v))
        case .truth(let set):
            Column(name: name, storage: .boolean((0 ..< count).map { set.contains($0) ? 1 : 0 }))
        case .texts(let t): Column(name: name, storage: .text(t))
        case .categories(let c): Column(name: name, storage: .categorical(c))
        case .lists(let l): Column(name: name, storage: .list(l))
        case .constantString(let s): Column(name: name, storage: .categorical(CategoricalColumn(Array(repeating: s, count: count))))
        case .constantNumber(let x): Column(name: name, storage: .numeric(Array(repeating: x, count: count)))
        case .constantBoolean(let b): Column(name: name, storage: .boolean(Array(repeating: b ? 1 : 0, count: count)))
        }
    }

    init(_ column: Column) {
        switch column.storage {
        case .categorical(let c): self = .categories(c)
        case .numeric(let v), .date(let v): self = .numbers(v)
        case .boolean(let v): self = .truth(BitSet.rows(count: v.count) { v[$0] == 1 })
        case .text(let t): self = .texts(t)
        case .list(let l): self = .lists(l)
        }
    }
}
