import ErrataCore

/// How one grapheme of written text occupies cells.
///
/// Widths come from `DisplayWidth` (the core's pure-Swift table), taking the first scalar
/// that has a width: a base letter with combining marks is one cell, a CJK ideograph two.
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
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if first.value < 0x20 || (0x7F ..< 0xA0).contains(first.value) {
            self = .visible(text: Glyph.replacement, width: 1)
            return
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            self = .mark(character)
            return
        default:
            break
        }
        guard let width = scalars.lazy.map({ DisplayWidth.of($0) }).first(where: { $0 > 0 }) else {
            self = .invisible
            return
        }
        self = .visible(text: String(character), width: min(width, 2))
    }
}

extension Glyph {
    /// Cells `character` takes when `ScreenBuffer.write` draws it; `leading` when it is the
    /// first grapheme of the write (a lone combining mark is then drawn on a dotted circle,
    /// one cell, and otherwise joins the cell before it).
    static func cells(_ character: Character, leading: Bool) -> Int {
        switch Glyph(character) {
        case .visible(_, let width): width
        case .mark: leading ? 1 : 0
        case .invisible: 0
        }
    }

    /// Cells `text` takes written in one `ScreenBuffer.write`.
    static func cells(_ text: some StringProtocol) -> Int {
        var total = 0, leading = true
        for character in text {
            total += cells(character, leading: leading)
            leading = false
        }
        return total
    }
}
