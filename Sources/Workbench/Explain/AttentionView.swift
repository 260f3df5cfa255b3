import ErrataCore
import Foundation
import TerminalUI

/// The attention view: a tokens × tokens grid (rows attend to columns) shaded by weight, with
/// token labels on both axes and a 2-D cursor, or every head of a layer as small multiples.
/// Shading is a blue ramp in colour and block characters without.
struct AttentionView: View {
    let attention: AttentionState
    let colors: Int

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = overlayBox(&buffer, rect, title: "Attention · \(attention.system) · \(attention.title) · ? keys and caveat")
        if let error = attention.error {
            StyledText(error, style: Theme.error).draw(in: inner, into: &buffer)
            return
        }
        if attention.mode == .importance, let importance = attention.importance {
            HeadImportanceTable(importance: importance, layer: attention.layer, head: attention.head, colors: colors).draw(in: inner, into: &buffer)
            if let scores = importance.scores, attention.layer < scores.count, attention.head < scores[attention.layer].count {
                let score = scores[attention.layer][attention.head], share = importance.maximum > 0 ? score / importance.maximum : 0
                let status = "layer \(attention.layer + 1) head \(attention.head + 1): \(String(format: "%.4g", score)) (\(Int((share * 100).rounded()))% of the largest) · Enter opens its grid"
                buffer.write(status, x: inner.x, y: inner.maxY - 1, style: Theme.key, maxWidth: inner.width)
            }
            return
        }
        guard let grids = attention.grids, inner.height >= 4 else {
            buffer.write("computing attention…", x: inner.x, y: inner.y, style: Theme.dim, maxWidth: inner.width)
            return
        }
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        if attention.mode == .multiples {
            drawMultiples(grids, in: body, into: &buffer)
        } else if let matrix = attention.matrix {
            drawGrid(matrix, tokens: grids.tokens, in: body, into: &buffer)
            let q = attention.query, k = attention.key
            let status = "query \(q) '\(grids.tokens[q])' → key \(k) '\(grids.tokens[k])': \(String(format: "%.4f", matrix[q][k]))"
            buffer.write(status, x: inner.x, y: inner.maxY - 1, style: Theme.key, maxWidth: inner.width)
        }
    }

    /// One grid: row labels at the left, column labels as the first letters above, two cells a
    /// key; the window follows the cursor in both directions.
    private func drawGrid(_ matrix: [[Double]], tokens: [String], in rect: Rect, into buffer: inout ScreenBuffer) {
        let labelWidth = min(12, max(4, tokens.map { DisplayWidth.of($0) }.max() ?? 4) + 1)
        let visibleRows = max(1, rect.height - 2), visibleColumns = max(1, (rect.width - labelWidth) / 2)
        let firstRow = window(attention.query, visible: visibleRows, count: tokens.count)
        let firstColumn = window(attention.key, visible: visibleColumns, count: tokens.count)
        let columns = firstColumn ..< min(tokens.count, firstColumn + visibleColumns)
        // Column labels: each key's first two cells, on two lines (index, then letter).
        for (offset, key) in columns.enumerated() {
            let x = rect.x + labelWidth + offset * 2
            let style = key == attention.key ? Theme.selected : Theme.dim
            buffer.write(String(key % 100), x: x, y: rect.y, style: style, maxWidth: 2)
            buffer.write(DisplayWidth.truncate(tokens[key], to: 2), x: x, y: rect.y + 1, style: style, maxWidth: 2)
        }
        for (offset, query) in (firstRow ..< min(tokens.count, firstRow + visibleRows)).enumerated() {
            let y = rect.y + 2 + offset
            buffer.write(DisplayWidth.pad(tokens[query], to: labelWidth - 1), x: rect.x, y: y,
                         style: query == attention.query ? Theme.selected : Theme.header, maxWidth: labelWidth - 1)
            for (column, key) in columns.enumerated() {
                let (glyph, style) = shade(matrix[query][key], cursor: query == attention.query && key == attention.key)
                buffer.write(glyph + glyph, x: rect.x + labelWidth + column * 2, y: y, style: style, maxWidth: 2)
            }
        }
    }

    /// Every head of the layer as a small grid, one cell a weight, as many tokens as fit.
    private func drawMultiples(_ grids: AttentionGrids, in rect: Rect, into buffer: inout ScreenBuffer) {
        let n = grids.tokens.count
        let perRow = max(1, min(grids.heads, rect.width / max(6, min(n, 24) + 2)))
        let panelWidth = rect.width / perRow
        let rows = (grids.heads + perRow - 1) / perRow
        let panelHeight = max(2, rect.height / rows)
        let shown = max(1, min(n, panelWidth - 2, panelHeight - 1))
        for head in 0 ..< grids.heads {
            let x = rect.x + (head % perRow) * panelWidth, y = rect.y + (head / perRow) * panelHeight
            guard y + 1 < rect.maxY else { break }
            buffer.write("h\(head + 1)", x: x, y: y, style: head == attention.head ? Theme.selected : Theme.header, maxWidth: panelWidth - 1)
            let map = grids.map(layer: attention.layer, head: head)
            for query in 0 ..< shown where y + 1 + query < rect.maxY {
                for key in 0 ..< shown {
                    let (glyph, style) = shade(map[query][key], cursor: false)
                    buffer.write(glyph, x: x + key, y: y + 1 + query, style: style, maxWidth: 1)
                }
            }
        }
        if shown < n {
            buffer.write("first \(shown) of \(n) tokens per head: enlarge the terminal or step through heads with , .", x: rect.x, y: rect.maxY - 1,
                         style: Theme.dim, maxWidth: rect.width)
        }
    }

    /// A weight's cell: a blue ramp background in colour, a block character without.
    private func shade(_ weight: Double, cursor: Bool) -> (String, Style) {
        var (glyph, style) = Self.ramp(weight, colors: colors)
        if cursor { style.attributes.insert(.reverse) }
        return (glyph, style)
    }

    /// A share in [0, 1] as one of five steps of a blue ramp (256 colours), blue or not with a
    /// light shade between (8 colours), or a block character of rising density (none).
    static func ramp(_ share: Double, colors: Int) -> (glyph: String, style: Style) {
        let level = max(0, min(4, Int((share * 5).rounded(.down))))
        switch colors {
        case 256...: return (" ", Style(background: .indexed([255, 153, 111, 69, 21][level])))
        case 8...: return (level == 1 || level == 3 ? "░" : " ", level >= 2 ? Style(background: .blue) : Style())
        default: return ([" ", "░", "▒", "▓", "█"][level], Style())
        }
    }

    private func window(_ cursor: Int, visible: Int, count: Int) -> Int {
        max(0, min(cursor - visible / 2, count - visible))
    }
}
