import ErrataCore
import TerminalUI
import Typology

/// The tagging palette, at the bottom of the body so the row being tagged stays in view:
/// the instance and judged system, the categories with their single keys (selected ones
/// highlighted), severity, note, and the palette's keys. The picker and the key list draw in
/// its place.
func drawPalette(_ state: AppState, _ palette: TagPalette, _ buffer: inout ScreenBuffer) {
    let body = Layout(width: buffer.width, height: buffer.height).body
    if case .picker(let query, let cursor) = palette.field {
        drawPicker(state, palette, query: query, cursor: cursor, in: body, &buffer)
        return
    }
    let keys = state.tagging.quickKeys
    let entries = keys.map { "\($0.key) \($0.path)" }
    let cellWidth = min(body.width - 4, (entries.map { DisplayWidth.of($0) }.max() ?? 10) + 2)
    let perLine = max(1, (body.width - 4) / max(1, cellWidth))
    let gridLines = palette.showsKeys ? PaletteCommand.allCases.count : (entries.count + perLine - 1) / perLine
    let height = min(body.height, gridLines + (palette.showsKeys ? 3 : 6))
    let rect = Rect(x: body.x, y: body.y + body.height - height, width: body.width, height: height)
    let title = "Tag \(palette.instance) · " + (palette.replacing == nil ? "new" : "editing your tag") + " · Enter saves · Esc cancels · ? keys"
    let inner = overlayBox(&buffer, rect, title: title)
    guard inner.height > 0, inner.width > 0 else { return }
    var y = inner.y
    let bottom = inner.y + inner.height
    let system = (palette.system ?? "none (the instance itself)") + (palette.span.map { ", characters \(spanLabel($0)) “\(spanText(state, palette, $0))”" } ?? "")
    let severity = palette.severity ?? "none"
    y += line("system \(system) (Tab) · severity \(severity) (!)", y: y, bottom: bottom, inner, Theme.info, &buffer)
    if palette.showsKeys {
        let rows = max(1, min(gridLines, bottom - y))
        drawKeyLines(PaletteKeymap.palette.helpLines, in: Rect(x: inner.x, y: y, width: inner.width, height: rows), &buffer)
        return
    }
    // The editing line, the error and the selection are what must stay visible: reserve them.
    let reserved = 3
    for (i, entry) in keys.enumerated() {
        let lineIndex = i / perLine
        guard y + lineIndex < bottom - reserved else { break }
        let x = inner.x + (i % perLine) * cellWidth
        let selected = palette.categories.contains(entry.path)
        buffer.write(String(entry.key), x: x, y: y + lineIndex, style: Theme.key)
        buffer.write(entry.path.description, x: x + 2, y: y + lineIndex, style: selected ? Theme.selected : Style(),
                     maxWidth: min(cellWidth - 3, inner.x + inner.width - x - 2))
    }
    y = max(y, min(y + gridLines, bottom - reserved))
    let chosen = palette.categories.isEmpty ? "none yet" : palette.categories.map(\.description).joined(separator: ", ")
    y += line("selected: \(chosen)", y: y, bottom: bottom, inner, palette.categories.isEmpty ? Theme.dim : Theme.header, &buffer)
    switch palette.field {
    case .note: y += editLine("note: ", palette.noteField, y: y, bottom: bottom, inner, &buffer)
    default: y += line("note: " + (palette.note.isEmpty ? "(\" to write one)" : palette.note), y: y, bottom: bottom, inner, Theme.info, &buffer)
    }
    if case .newCategory(let field) = palette.field {
        y += editLine("new category: ", field, y: y, bottom: bottom, inner, &buffer)
    }
    if let error = palette.error {
        _ = line(error, y: y, bottom: bottom, inner, Theme.error, &buffer)
    }
}

/// All categories, filtered by what is typed, with a cursor; Enter toggles the one under it.
private func drawPicker(_ state: AppState, _ palette: TagPalette, query: TextField, cursor: Int, in body: Rect, _ buffer: inout ScreenBuffer) {
    let inner = overlayBox(&buffer, body, title: "Categories for \(palette.instance) · type to filter · ↑/↓ · Enter toggles · Esc back")
    guard inner.height > 0 else { return }
    let bottom = inner.y + inner.height
    let choices = palette.pickable(from: state.tagging.typology, query: query.text)
    var y = inner.y
    y += editLine("filter: ", query, y: y, bottom: bottom, inner, &buffer)
    let visible = max(1, bottom - y)
    let top = max(0, cursor - visible + 1)
    if choices.isEmpty {
        _ = line("no category contains '\(query.text)' · Esc, then n to make one", y: y, bottom: bottom, inner, Theme.dim, &buffer)
    }
    for (i, path) in choices.enumerated().dropFirst(top).prefix(visible) {
        let selected = palette.categories.contains(path)
        let text = (selected ? "✓ " : "  ") + path.description
        if i == cursor { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Theme.selected) }
        buffer.write(text, x: inner.x, y: y, style: i == cursor ? Theme.selected : (selected ? Theme.header : Style()), maxWidth: inner.width)
        y += 1
    }
}

/// One line of text if there is room; returns the lines used.
private func line(_ text: String, y: Int, bottom: Int, _ inner: Rect, _ style: Style, _ buffer: inout ScreenBuffer) -> Int {
    guard y < bottom else { return 0 }
    buffer.write(text, x: inner.x, y: y, style: style, maxWidth: inner.width)
    return 1
}

/// A prompt and the field being typed, with a block cursor, scrolled to keep it in view.
private func editLine(_ prompt: String, _ field: TextField, y: Int, bottom: Int, _ inner: Rect, _ buffer: inout ScreenBuffer) -> Int {
    guard y < bottom else { return 0 }
    let x = inner.x + buffer.write(prompt, x: inner.x, y: y, style: Theme.key, maxWidth: inner.width)
    field.draw(x: x, y: y, width: inner.x + inner.width - x, into: &buffer, cursorStyle: Theme.selected)
    return 1
}

/// The marked characters of the palette's output, for its heading.
private func spanText(_ state: AppState, _ palette: TagPalette, _ span: TextSpan) -> String {
    let dataset = state.analysis.dataset
    guard let row = dataset.row(id: palette.instance), let system = palette.system.flatMap(dataset.system(named:)),
          system.hasOutput(row) else { return "" }
    return OutputCursor(system.output[row]).text(of: span)
}
