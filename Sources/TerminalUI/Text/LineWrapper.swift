/// A place in a `StyledText`: a run and an index into its text.
struct TextPosition: Comparable {
    var run: Int
    var index: String.Index

    static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.run, a.index) < (b.run, b.index)
    }
}

/// Breaks styled text into lines of at most `width` cells, one line per `next()`.
///
/// The rule (the workbench's since its first detail view): words are separated by single
/// spaces; a line takes words while they fit, and the space where it breaks is dropped
/// (further spaces stay, as do spaces between words); leading spaces of a line are dropped;
/// a word longer than the width starts a line of its own and is broken at grapheme
/// boundaries, a wide character never split (one wider than the whole width gets a line
/// alone, and the buffer draws it as a space); `\n` and `\r\n` end a line, and an empty
/// paragraph is an empty line. Each line is a contiguous range of the source, so styles
/// carry across breaks for free.
///
/// Streaming: a line is returned as soon as it is complete, so the first lines of a
/// 50 MB text cost only the characters they cover (plus at most one word).
struct LineWrapper: IteratorProtocol {
    private let runs: [StyledText.Run]
    private let width: Int
    private var position: TextPosition
    /// The text of `position.run`, kept at hand: reading it from `runs` per grapheme costs.
    private var text: String
    private var afterNewline = false
    private var finished = false
    /// Lines complete but not yet returned (a single grapheme completes at most three).
    private var ready: [Range<TextPosition>] = []
    private var line: Range<TextPosition>?
    private var lineWidth = 0
    private var word: Range<TextPosition>?
    private var wordWidth = 0
    /// The word was longer than the width: its pieces so far are lines; the rest is `word`.
    private var wordBroken = false

    init(_ runs: [StyledText.Run], width: Int) {
        self.runs = runs
        self.width = width
        text = runs.first?.text ?? ""
        position = TextPosition(run: 0, index: text.startIndex)
    }

    mutating func next() -> Range<TextPosition>? {
        while ready.isEmpty {
            guard !finished else { return nil }
            step()
        }
        return ready.removeFirst()
    }

    /// Reads one grapheme (or notices the end).
    private mutating func step() {
        while position.run < runs.count, position.index == text.endIndex {
            position.run += 1
            if position.run < runs.count {
                text = runs[position.run].text
                position.index = text.startIndex
            }
        }
        guard position.run < runs.count else {
            endWord(at: position)
            endLine(at: position)
            finished = true
            return
        }
        let start = position
        if let byte = LineWrapper.asciiGrapheme(in: text.utf8, at: start.index) {
            position.index = text.utf8.index(after: start.index)
            afterNewline = byte == 0x0A
            // Printable ASCII is one cell, and other controls draw as one "�".
            read(byte == 0x0A ? .lineBreak : byte == 0x20 ? .space : .cells(1), from: start)
            return
        }
        let character = text[start.index]
        let leading = afterNewline || start.index == text.startIndex
        position.index = text.utf8.index(start.index, offsetBy: character.utf8.count)
        afterNewline = character == "\n" || character == "\r\n"
        let kind: Grapheme = afterNewline ? .lineBreak : character == " " ? .space : .cells(DisplayWidth.cells(character, leading: leading))
        read(kind, from: start)
    }

    /// What a grapheme is to wrapping.
    private enum Grapheme {
        case lineBreak, space
        case cells(Int)
    }

    private mutating func read(_ grapheme: Grapheme, from start: TextPosition) {
        switch grapheme {
        case .lineBreak:
            endWord(at: start)
            endLine(at: start)
        case .space:
            endWord(at: start)
        case .cells(let cells):
            add(start ..< position, cells: cells)
        }
    }

    /// The byte at `index` when it is a grapheme of its own (ASCII, not followed by a
    /// combining mark or, for a carriage return, a line feed): the fast path that skips
    /// grapheme breaking for most text.
    private static func asciiGrapheme(in utf8: String.UTF8View, at index: String.Index) -> UInt8? {
        let byte = utf8[index]
        guard byte < 0x80, byte != 0x0D else { return nil }
        let next = utf8.index(after: index)
        return next == utf8.endIndex || utf8[next] < 0x80 ? byte : nil
    }

    /// Adds a grapheme to the current word, breaking the word when it outgrows the width.
    private mutating func add(_ grapheme: Range<TextPosition>, cells: Int) {
        guard let current = word else {
            word = grapheme
            wordWidth = cells
            if cells > width { breakWord(at: grapheme) }
            return
        }
        if wordWidth + cells > width {
            if !wordBroken, let line { ready.append(line) }
            self.line = nil
            wordBroken = true
            ready.append(current)
            word = grapheme
            wordWidth = cells
            if cells > width { breakWord(at: grapheme) }
        } else {
            word = current.lowerBound ..< grapheme.upperBound
            wordWidth += cells
        }
    }

    /// A single grapheme wider than the whole width: a line of its own.
    private mutating func breakWord(at grapheme: Range<TextPosition>) {
        if !wordBroken, let line { ready.append(line) }
        line = nil
        wordBroken = true
        ready.append(grapheme)
        word = nil
        wordWidth = 0
    }

    /// A space, newline or the end at `terminator`: the word joins the line, or starts the
    /// next one.
    private mutating func endWord(at terminator: TextPosition) {
        defer {
            word = nil
            wordWidth = 0
            wordBroken = false
        }
        if wordBroken {
            line = word
            lineWidth = wordWidth
            return
        }
        guard let current = line else {
            line = word
            lineWidth = wordWidth
            return
        }
        // The separating space lies between the line and the word, so the line's range
        // takes it in when the word (even an empty one, between two spaces) fits.
        let end = word?.upperBound ?? terminator
        if lineWidth + 1 + wordWidth <= width {
            line = current.lowerBound ..< max(current.upperBound, end)
            lineWidth += 1 + wordWidth
        } else {
            ready.append(current)
            line = word
            lineWidth = wordWidth
        }
    }

    private mutating func endLine(at end: TextPosition) {
        ready.append(line ?? end ..< end)
        line = nil
        lineWidth = 0
    }
}
