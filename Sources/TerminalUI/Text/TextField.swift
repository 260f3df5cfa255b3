/// A single line being typed: its text, a cursor between graphemes, and where the user is in
/// the owner's history. One value serves every text entry (the `:` command line, `/` search,
/// the tag palette's filter, category name and note), so they all edit alike.
///
/// The text is kept as an array of graphemes, so the cursor is an index, inserting at the end
/// (typing, or a paste arriving as a burst of keys) is O(1) amortised, and drawing reads only
/// the graphemes it shows (`draw`), however long the line.
public struct TextField: Sendable, Equatable, ExpressibleByStringLiteral {
    private(set) var graphemes: [Character]
    /// The cursor, as a grapheme index from 0 (before the first) to `count` (after the last).
    public private(set) var cursor: Int
    /// The history entry shown while browsing with ↑/↓; nil while editing the line typed.
    public private(set) var historyIndex: Int?
    /// The line typed before browsing began, restored by ↓ past the newest entry.
    private var draft: [Character]?

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        graphemes = Array(text)
        cursor = graphemes.count
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var text: String {
        String(graphemes)
    }

    /// Graphemes in the text.
    public var count: Int {
        graphemes.count
    }

    public var isEmpty: Bool {
        graphemes.isEmpty
    }

    /// Inserts `text` at the cursor and moves the cursor past it; a combining mark typed after
    /// a letter joins it, as it would on paper.
    public mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        // Re-split the graphemes around the cursor with the new text, so clusters form.
        let lower = max(0, cursor - 1), upper = min(graphemes.count, cursor + 1)
        let before = String(graphemes[lower ..< cursor]), after = String(graphemes[cursor ..< upper])
        let typed = Array(before + text)
        graphemes.replaceSubrange(lower ..< upper, with: Array(before + text + after))
        cursor = min(graphemes.count, lower + typed.count)
    }

    /// Backspace: removes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        graphemes.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Delete: removes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < graphemes.count else { return }
        graphemes.remove(at: cursor)
    }

    public mutating func moveLeft() {
        cursor = max(0, cursor - 1)
    }

    public mutating func moveRight() {
        cursor = min(graphemes.count, cursor + 1)
    }

    /// Home, Ctrl-A.
    public mutating func moveToStart() {
        cursor = 0
    }

    /// End, Ctrl-E.
    public mutating func moveToEnd() {
        cursor = graphemes.count
    }

    /// Alt-B, Ctrl-←: to the start of this or the previous word (letters and digits).
    public mutating func moveWordLeft() {
        cursor = wordBoundary(before: cursor, inWord: TextField.isWordCharacter)
    }

    /// Alt-F, Ctrl-→: to the end of this or the next word (letters and digits).
    public mutating func moveWordRight() {
        while cursor < graphemes.count, !TextField.isWordCharacter(graphemes[cursor]) { cursor += 1 }
        while cursor < graphemes.count, TextField.isWordCharacter(graphemes[cursor]) { cursor += 1 }
    }

    /// Ctrl-U: removes everything before the cursor.
    public mutating func deleteToStart() {
        graphemes.removeSubrange(0 ..< cursor)
        cursor = 0
    }

    /// Ctrl-K: removes everything from the cursor on.
    public mutating func deleteToEnd() {
        graphemes.removeSubrange(cursor...)
    }

    /// Ctrl-W: removes the word before the cursor, up to the previous space (as shells do,
    /// so `:slice length(input)` loses `length(input)` at once).
    public mutating func deleteWordBackward() {
        let start = wordBoundary(before: cursor) { !$0.isWhitespace }
        graphemes.removeSubrange(start ..< cursor)
        cursor = start
    }

    /// ↑: the previous (older) entry of `history` (oldest first), keeping the typed line.
    public mutating func showPrevious(in history: [String]) {
        guard !history.isEmpty else { return }
        if historyIndex == nil { draft = graphemes }
        let index = max(0, min(history.count, historyIndex ?? history.count) - 1)
        show(history[index], index: index)
    }

    /// ↓: the next (newer) entry of `history`, and past the newest the line typed before.
    public mutating func showNext(in history: [String]) {
        guard let index = historyIndex else { return }
        if index + 1 < history.count {
            show(history[index + 1], index: index + 1)
        } else {
            graphemes = draft ?? []
            cursor = graphemes.count
            historyIndex = nil
            draft = nil
        }
    }

    private mutating func show(_ entry: String, index: Int) {
        graphemes = Array(entry)
        cursor = graphemes.count
        historyIndex = index
    }

    /// Where a backward word motion from `position` stops: past the non-word graphemes
    /// before it, then past the word.
    private func wordBoundary(before position: Int, inWord: (Character) -> Bool) -> Int {
        var index = position
        while index > 0, !inWord(graphemes[index - 1]) { index -= 1 }
        while index > 0, inWord(graphemes[index - 1]) { index -= 1 }
        return index
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
