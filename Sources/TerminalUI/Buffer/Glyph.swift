/// How one grapheme of written text occupies cells: the buffer's drawing of `DisplayWidth`'s
/// rule.
enum Glyph: Equatable {
    /// Drawn in `width` cells (1 or 2) as `text`.
    case visible(text: String, width: Int)
    /// A combining mark with no base in its grapheme: it belongs to the previous grapheme.
    case mark(Character)
    /// Zero-width on its own (a stray joiner or format character): drawn nowhere.
    case invisible

    /// Shown for control characters (C0, DEL, C1, including tab and newline).
    static let replacement = "\u{FFFD}"
    /// The base Unicode draws a combining mark on when it has nothing to combine with.
    static let dottedCircle: Character = "\u{25CC}"

    init(_ character: Character) {
        let first = character.unicodeScalars.first!
        if DisplayWidth.isControl(first) {
            self = .visible(text: Glyph.replacement, width: 1)
        } else if DisplayWidth.isMark(first) {
            self = .mark(character)
        } else {
            let width = DisplayWidth.clusterWidth(character.unicodeScalars)
            self = width == 0 ? .invisible : .visible(text: String(character), width: width)
        }
    }

    /// Cells the glyph takes; `leading` when it is the first of a write (a lone combining
    /// mark is then drawn on a dotted circle, one cell, and otherwise joins the cell before).
    func cells(leading: Bool) -> Int {
        switch self {
        case .visible(_, let width): width
        case .mark: leading ? 1 : 0
        case .invisible: 0
        }
    }
}
