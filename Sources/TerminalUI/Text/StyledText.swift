/// Text in runs of one style each: what views build for heat-coloured tokens, diffs and
/// highlighted spans, then wrap and draw.
///
/// Runs are kept canonical (no empty run, no two neighbours with the same style), so two
/// texts that draw alike compare equal and tests can state the expected runs literally.
/// Appending a run is O(1) amortised; wrapping and drawing read the runs in place, so a
/// 50 MB cell costs nothing until its lines are asked for (see `lines(width:first:count:)`).
public struct StyledText: Sendable, Equatable {
    /// Text drawn in one style.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var style: Style

        public init(_ text: String, style: Style = Style()) {
            self.text = text
            self.style = style
        }
    }

    public private(set) var runs: [Run] = []

    /// Empty text.
    public init() {}

    /// `text` in one style.
    public init(_ text: String, style: Style = Style()) {
        append(text, style: style)
    }

    /// Appends `text` in `style`, merging it into the last run when the styles match.
    public mutating func append(_ text: String, style: Style = Style()) {
        guard !text.isEmpty else { return }
        if let last = runs.indices.last, runs[last].style == style {
            runs[last].text += text
        } else {
            runs.append(Run(text, style: style))
        }
    }

    /// Appends every run of `other`.
    public mutating func append(_ other: StyledText) {
        for run in other.runs { append(run.text, style: run.style) }
    }

    /// The text without styles.
    public var plainText: String {
        runs.map(\.text).joined()
    }

    public var isEmpty: Bool {
        runs.isEmpty
    }

    /// Cells the text takes written on one line, as `ScreenBuffer.write` draws it (a newline
    /// is then a control character, one cell).
    public var width: Int {
        runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }
}
