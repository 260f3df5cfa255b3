import TerminalUI

extension ScreenBuffer {
    /// Row `y` as (text, width) pairs, the shape most assertions compare.
    func row(_ y: Int) -> [Pair] {
        (0 ..< width).map { Pair(self[$0, y].text, self[$0, y].width) }
    }
}

/// A cell's text and width, comparable in `#expect`.
struct Pair: Equatable, CustomStringConvertible {
    var text: String
    var width: Int

    init(_ text: String, _ width: Int) {
        self.text = text
        self.width = width
    }

    var description: String { "(\(text.debugDescription), \(width))" }
}

/// Narrow cells for each character of `text`.
func narrow(_ text: String) -> [Pair] {
    text.map { Pair(String($0), 1) }
}
