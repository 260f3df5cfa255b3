/// A frame: a grid of cells that views draw into and a backend diffs onto the terminal.
///
/// Everything a user sees goes through this value, so a frame can be tested as text
/// (`snapshot()`) without a terminal. The buffer keeps one invariant: a wide character's
/// first cell (`width` 2) is always followed by its continuation (`width` 0) and a
/// continuation always follows one; every mutation repairs the neighbours it breaks, as a
/// terminal does when half of a wide character is overwritten.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// The glyphs `drawBox` and views use for lines and ellipses: ASCII on terminals that
    /// cannot show Unicode (see `Symbols.for(_:)`).
    public var symbols: Symbols = .unicode
    private var cells: [Cell]

    /// A blank buffer; negative sizes are treated as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    ///
    /// Like drawing past the edge of a screen, reading outside the buffer gives a blank and
    /// writing there does nothing. Setting a wide cell also writes its continuation (or a
    /// blank at the right edge, where it cannot fit); setting a continuation only restyles
    /// an existing one and otherwise stores a blank.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            contains(x: x, y: y) ? cells[y * width + x] : .blank
        }
        set {
            guard contains(x: x, y: y) else { return }
            if newValue.isContinuation {
                let index = y * width + x
                cells[index] = cells[index].isContinuation ? newValue : .blank(newValue.style)
            } else {
                put(newValue, x: x, y: y)
            }
        }
    }

    func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Stores `cell` (width 1 or 2) at an in-bounds position, keeping wide characters whole.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        breakWideCharacter(at: x, y: y)
        let index = y * width + x
        guard cell.width == 2 else {
            cells[index] = cell
            return
        }
        guard x + 1 < width else {
            cells[index] = .blank(cell.style)
            return
        }
        breakWideCharacter(at: x + 1, y: y)
        cells[index] = cell
        cells[index + 1] = .continuation(cell.style)
    }

    /// Appends a combining mark to the grapheme at an in-bounds position.
    mutating func join(_ mark: Character, x: Int, y: Int) {
        cells[y * width + x].text.append(mark)
    }

    /// Blanks the other half of a wide character about to lose one of its cells.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cells[index].style)
        } else if cells[index].width == 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }
}
