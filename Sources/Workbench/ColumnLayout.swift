import TerminalUI

/// Widths of table columns on one line: fixed columns keep their width, flexible ones share
/// what is left up to a maximum; when the line is too narrow, columns are dropped from the
/// right until the rest fits.
struct ColumnLayout {
    private struct Column {
        var minimum: Int
        var maximum: Int
        var priority: Int
        var width = 0
        var shown = true
    }

    private let width: Int
    private var columns: [Column] = []

    init(width: Int) {
        self.width = width
    }

    /// Adds a column of exactly `width` cells; returns its index.
    mutating func add(fixed width: Int) -> Int {
        columns.append(Column(minimum: width, maximum: width, priority: 0))
        return columns.count - 1
    }

    /// Adds a column of at least `minimum` cells that grows up to `maximum`; spare width goes
    /// to columns by `priority` (lower first), then left to right.
    mutating func add(flexible minimum: Int, maximum: Int, priority: Int = 0) -> Int {
        columns.append(Column(minimum: minimum, maximum: max(minimum, maximum), priority: priority))
        return columns.count - 1
    }

    mutating func resolve() {
        func needed() -> Int {
            let shown = columns.filter(\.shown)
            return shown.reduce(0) { $0 + $1.minimum } + max(0, shown.count - 1)
        }
        var last = columns.count - 1
        while needed() > width, last > 0 {
            columns[last].shown = false
            last -= 1
        }
        var spare = max(0, width - needed())
        for i in columns.indices where columns[i].shown {
            columns[i].width = columns[i].minimum
        }
        let growable = columns.indices.filter { columns[$0].shown && columns[$0].maximum > columns[$0].minimum }
        for i in growable.sorted(by: { (columns[$0].priority, $0) < (columns[$1].priority, $1) }) {
            let grow = min(spare, columns[i].maximum - columns[i].minimum)
            columns[i].width += grow
            spare -= grow
        }
    }

    /// The column's x offset and width, or nil when it was dropped.
    func frame(_ index: Int) -> (x: Int, width: Int)? {
        guard columns[index].shown else { return nil }
        var x = 0
        for column in columns[..<index] where column.shown { x += column.width + 1 }
        return (x, columns[index].width)
    }

    /// Writes `text` into column `index` of line `y`, padded to its width (numbers aligned
    /// right), the line starting at `x`; nothing when the column was dropped.
    func write(_ text: String, column index: Int, x: Int, y: Int, style: Style = Style(), alignRight: Bool = false,
               into buffer: inout ScreenBuffer) {
        guard let (offset, width) = frame(index) else { return }
        buffer.write(DisplayWidth.pad(text, to: width, alignRight: alignRight), x: x + offset, y: y, style: style, maxWidth: width)
    }
}
