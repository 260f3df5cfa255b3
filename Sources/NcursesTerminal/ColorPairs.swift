import CNcurses
import TerminalUI

/// ncurses colour pairs, allocated the first time a foreground/background combination is
/// drawn.
///
/// Pairs are extended (`init_extended_pair`), so more than the 255 that `COLOR_PAIR()` can
/// hold are available (a heat map needs hundreds). When the terminal's pairs run out, the
/// remaining combinations draw in the default colours rather than failing.
struct ColorPairs {
    private struct Key: Hashable {
        var foreground: Color
        var background: Color
    }

    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32
    /// True when `use_default_colors` succeeded, so -1 names the terminal's own colours.
    private let defaultColors: Bool

    init(limit: Int32, defaultColors: Bool) {
        self.limit = limit
        self.defaultColors = defaultColors
    }

    /// The pair number for `foreground` on `background`; 0 (the terminal's colours) for
    /// two defaults or when no pair is left.
    mutating func pair(foreground: Color, background: Color) -> Int32 {
        if foreground == .default, background == .default { return 0 }
        let key = Key(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        guard next < limit else { return 0 }
        let pair = next
        init_extended_pair(pair, number(foreground, fallback: 7), number(background, fallback: 0))
        pairs[key] = pair
        next += 1
        return pair
    }

    private func number(_ color: Color, fallback: Int32) -> Int32 {
        switch color {
        case .default: defaultColors ? -1 : fallback
        case .indexed(let index): Int32(index)
        }
    }
}
