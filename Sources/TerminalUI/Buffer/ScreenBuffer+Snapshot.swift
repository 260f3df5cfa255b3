extension ScreenBuffer {
    /// The frame as reviewable text, for golden tests.
    ///
    /// First the text, one line per row with trailing spaces kept (a wide character shows
    /// in its two columns); then a blank line; then the style legend: every distinct
    /// non-default style gets a letter (`a: fg:1 bold`) in order of first appearance, row by
    /// row, followed by a grid parallel to the text with that letter where the style
    /// applies and `.` for the default style. With no styled cell the legend is the single
    /// line `(no styles)`. Deterministic, so a snapshot diff shows exactly what moved.
    public func snapshot() -> String {
        var lines: [String] = []
        for y in 0 ..< height {
            lines.append((0 ..< width).map { self[$0, y].text }.joined())
        }
        lines.append("")
        var letters: [Style: Character] = [:]
        var legend: [String] = []
        var grid: [String] = []
        for y in 0 ..< height {
            var row = ""
            for x in 0 ..< width {
                let style = self[x, y].style
                guard !style.isDefault else {
                    row.append(".")
                    continue
                }
                if letters[style] == nil {
                    if letters.count < ScreenBuffer.styleLetters.count {
                        let letter = ScreenBuffer.styleLetters[letters.count]
                        legend.append("\(letter): \(style)")
                    } else if letters.count == ScreenBuffer.styleLetters.count {
                        legend.append("\(ScreenBuffer.overflowLetter): any further style")
                    }
                    letters[style] = letters.count < ScreenBuffer.styleLetters.count
                        ? ScreenBuffer.styleLetters[letters.count] : ScreenBuffer.overflowLetter
                }
                row.append(letters[style]!)
            }
            grid.append(row)
        }
        if legend.isEmpty {
            lines.append("(no styles)")
        } else {
            lines += legend + grid
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let styleLetters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    private static let overflowLetter: Character = "*"
}
