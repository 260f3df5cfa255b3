import CNcurses
import TerminalUI

extension NcursesBackend {
    /// Writes each changed cell at its position, then shows the frame with one refresh.
    ///
    /// Every cell is placed with an explicit move, so a grapheme whose width ncurses judges
    /// differently from errata cannot shift the rest of the row. Continuations are skipped:
    /// the wide character before them covers both columns. Without Unicode, text goes
    /// through `AsciiFallback` so a `LANG=C` terminal shows `?` rather than mojibake.
    public func draw(_ changes: [CellChange]) {
        guard isOpen else { return }
        let window = errata_stdscr()
        for change in changes {
            let cell = change.cell
            let text: String
            if capabilities.unicode {
                if cell.isContinuation { continue }
                text = cell.text
            } else {
                text = cell.isContinuation ? "?" : AsciiFallback.text(cell.text)
            }
            let style = degrade(cell.style, to: capabilities)
            var pair = colorPairs.pair(foreground: style.foreground, background: style.background)
            wattr_set(window, attributes(style.attributes), Int16(truncatingIfNeeded: pair), &pair)
            var characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            mvwaddnwstr(window, Int32(change.y), Int32(change.x), &characters, Int32(characters.count))
        }
        wattr_set(window, errata_a_normal(), 0, nil)
        wrefresh(window)
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = errata_a_normal()
        if attributes.contains(.bold) { result |= errata_a_bold() }
        if attributes.contains(.dim) { result |= errata_a_dim() }
        if attributes.contains(.italic) { result |= errata_a_italic() }
        if attributes.contains(.underline) { result |= errata_a_underline() }
        if attributes.contains(.reverse) { result |= errata_a_reverse() }
        return result
    }
}
