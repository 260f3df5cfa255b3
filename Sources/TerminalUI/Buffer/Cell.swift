/// One terminal cell.
///
/// A wide character (CJK, most emoji) takes two cells: the first holds the grapheme with
/// `width` 2, the second is a continuation with empty `text` and `width` 0. Keeping the
/// continuation as a real cell keeps every row exactly `width` cells long, so positions are
/// plain indices and a diff compares like with like.
public struct Cell: Hashable, Sendable {
    /// One grapheme; `" "` when blank; `""` for the trailing half of a wide character.
    public var text: String
    /// Columns the grapheme takes: 1 or 2, or 0 for a continuation.
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style = Style()) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell(text: " ", width: 1)

    /// A space in `style` (backgrounds show on blanks).
    public static func blank(_ style: Style) -> Cell {
        Cell(text: " ", width: 1, style: style)
    }

    /// The trailing half of a wide character drawn in `style`.
    public static func continuation(_ style: Style) -> Cell {
        Cell(text: "", width: 0, style: style)
    }

    /// True for the trailing half of a wide character.
    public var isContinuation: Bool {
        width == 0
    }
}
