/// Line-drawing and punctuation glyphs, with an ASCII set for terminals without Unicode.
///
/// Under a non-UTF-8 locale (`LANG=C`) box-drawing characters come out as mojibake, so a
/// buffer carries the set to draw with and the backend reports which one its terminal can
/// show (`TerminalCapabilities.unicode`).
public struct Symbols: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Marks text cut to fit.
    public var ellipsis: String
    /// A solid cell, for bars and histograms.
    public var fullBlock: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character, ellipsis: String, fullBlock: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.ellipsis = ellipsis
        self.fullBlock = fullBlock
    }

    public static let unicode = Symbols(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                        bottomLeft: "└", bottomRight: "┘", ellipsis: "…", fullBlock: "█")
    public static let ascii = Symbols(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                      bottomLeft: "+", bottomRight: "+", ellipsis: "...", fullBlock: "#")

    /// The set a terminal with `capabilities` can show.
    public static func `for`(_ capabilities: TerminalCapabilities) -> Symbols {
        capabilities.unicode ? .unicode : .ascii
    }
}
