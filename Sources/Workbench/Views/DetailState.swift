import ErrataCore
import TerminalUI

/// The instance view: which row of the table, how far it is scrolled, the output with focus
/// and the cursor in it, the span being marked, and whose spans are drawn.
public struct DetailState: Sendable, Equatable {
    /// An index into the table's rows.
    public var row: Int
    /// The first line shown (a long instance scrolls).
    public var top = 0
    /// The system whose output has focus: where the cursor is, what `t` tags; nil before the
    /// view first places it (on the first shown system).
    public var system: String?
    /// The cursor: a character (Unicode scalar) offset in the focused output.
    public var cursor = 0
    /// The other end of the span being marked (`v`); nil when none is.
    public var anchor: Int?
    /// Whose spans are drawn: nil for every annotator's, else one annotator's (`o` cycles).
    public var annotator: String?
    /// True after PgDn or PgUp: `top` is then shown as it is, even with the cursor off screen;
    /// moving the cursor brings the view back to it.
    public var scrolled = false

    public init(row: Int, top: Int = 0, system: String? = nil) {
        self.row = row
        self.top = top
        self.system = system
    }

    /// The span being marked: from the anchor to the cursor, both characters included.
    public var selection: TextSpan? {
        anchor.map { TextSpan(start: min($0, cursor), end: max($0, cursor) + 1) }
    }
}

/// What a view's help shows: its own keys, and for the explanation views what the methods
/// mean.
/// Whose keys the help overlay shows: a view's own table, with notes on what it means.
public enum HelpContext: Sendable, Equatable { case browse, detail, explain, attention, report }

public enum DetailCommand: String, NamedCommand {
    case next, previous
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case nextOutput = "next-output"
    case previousOutput = "previous-output"
    case characterRight = "character-right"
    case characterLeft = "character-left"
    case wordRight = "word-right"
    case wordLeft = "word-left"
    case outputStart = "output-start"
    case outputEnd = "output-end"
    case mark
    case extendRight = "extend-right"
    case extendLeft = "extend-left"
    case extendWordRight = "extend-word-right"
    case extendWordLeft = "extend-word-left"
    case annotators
    case tag
    case tagMarked = "tag-marked"
    case explain, attention
    case whatIf = "what-if"
    case help, close, quit

    public var help: String {
        switch self {
        case .next: "next instance"
        case .previous: "previous instance"
        case .scrollDown: "scroll down"
        case .scrollUp: "scroll up"
        case .nextOutput: "next system's output (focus)"
        case .previousOutput: "previous system's output"
        case .characterRight: "cursor one character right"
        case .characterLeft: "cursor one character left"
        case .wordRight: "cursor to the end of the word (next word)"
        case .wordLeft: "cursor to the start of the word (previous word)"
        case .outputStart: "cursor to the output's start"
        case .outputEnd: "cursor to the output's end"
        case .mark: "mark a span from the cursor (again: stop marking)"
        case .extendRight: "mark, or extend the span, one character right"
        case .extendLeft: "mark, or extend the span, one character left"
        case .extendWordRight: "mark, or extend the span, to the word's end"
        case .extendWordLeft: "mark, or extend the span, to the word's start"
        case .annotators: "spans of all annotators, then of each in turn"
        case .tag: "tag the marked span, else the focused output"
        case .tagMarked: "tag the marked span, else close"
        case .explain: "explain the input: heat-coloured tokens"
        case .attention: "attention grids"
        case .whatIf: "edit the input and re-run (what-if)"
        case .help: "these keys"
        case .close: "stop marking; else close"
        case .quit: "quit"
        }
    }
}

public typealias DetailKeymap = KeyTable<DetailCommand>

extension KeyTable where Name == DetailCommand {
    public static let detail = DetailKeymap(bindings: [
        .init(key: .character("j"), command: .next, label: "j"),
        .init(key: .down, command: .next, label: "↓"),
        .init(key: .character("k"), command: .previous, label: "k"),
        .init(key: .up, command: .previous, label: "↑"),
        .init(key: .pageDown, command: .scrollDown, label: "PgDn"),
        .init(key: .character(" "), command: .scrollDown, label: "Space"),
        .init(key: .pageUp, command: .scrollUp, label: "PgUp"),
        .init(key: .tab, command: .nextOutput, label: "Tab"),
        .init(key: .backTab, command: .previousOutput, label: "Shift-Tab"),
        .init(key: .right, command: .characterRight, label: "→"),
        .init(key: .character("l"), command: .characterRight, label: "l"),
        .init(key: .left, command: .characterLeft, label: "←"),
        .init(key: .character("h"), command: .characterLeft, label: "h"),
        .init(key: .character("w"), command: .wordRight, label: "w"),
        .init(key: .controlRight, command: .wordRight, label: "Ctrl-→"),
        .init(key: .character("b"), command: .wordLeft, label: "b"),
        .init(key: .controlLeft, command: .wordLeft, label: "Ctrl-←"),
        .init(key: .home, command: .outputStart, label: "Home"),
        .init(key: .character("0"), command: .outputStart, label: "0"),
        .init(key: .end, command: .outputEnd, label: "End"),
        .init(key: .character("$"), command: .outputEnd, label: "$"),
        .init(key: .character("v"), command: .mark, label: "v"),
        .init(key: .character("L"), command: .extendRight, label: "L"),
        .init(key: .character("H"), command: .extendLeft, label: "H"),
        .init(key: .character("W"), command: .extendWordRight, label: "W"),
        .init(key: .character("B"), command: .extendWordLeft, label: "B"),
        .init(key: .character("o"), command: .annotators, label: "o"),
        .init(key: .character("t"), command: .tag, label: "t"),
        .init(key: .enter, command: .tagMarked, label: "Enter"),
        .init(key: .character("a"), command: .explain, label: "a"),
        .init(key: .character("A"), command: .attention, label: "A"),
        .init(key: .character("e"), command: .whatIf, label: "e"),
        .init(key: .character("?"), command: .help, label: "?"),
        .init(key: .escape, command: .close, label: "Esc"),
        .init(key: .character("q"), command: .quit, label: "q"),
    ])
}
