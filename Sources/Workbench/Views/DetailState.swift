import TerminalUI

/// The instance view: which row of the table, and how far it is scrolled.
public struct DetailState: Sendable, Equatable {
    /// An index into the table's rows.
    public var row: Int
    /// The first line shown (a long instance scrolls).
    public var top = 0

    public init(row: Int, top: Int = 0) {
        self.row = row
        self.top = top
    }
}

/// What a view's help shows: its own keys, and for the explanation views what the methods
/// mean.
public enum HelpContext: Sendable, Equatable { case browse, detail, explain, attention }

public enum DetailCommand: String, NamedCommand {
    case next, previous
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case tag, explain, attention
    case whatIf = "what-if"
    case help, close, quit

    public var help: String {
        switch self {
        case .next: "next instance"
        case .previous: "previous instance"
        case .scrollDown: "scroll down"
        case .scrollUp: "scroll up"
        case .tag: "tag the instance"
        case .explain: "explain the input: heat-coloured tokens"
        case .attention: "attention grids"
        case .whatIf: "edit the input and re-run (what-if)"
        case .help: "these keys"
        case .close: "close"
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
        .init(key: .character("t"), command: .tag, label: "t"),
        .init(key: .character("a"), command: .explain, label: "a"),
        .init(key: .character("A"), command: .attention, label: "A"),
        .init(key: .character("e"), command: .whatIf, label: "e"),
        .init(key: .character("?"), command: .help, label: "?"),
        .init(key: .escape, command: .close, label: "Esc"),
        .init(key: .character("q"), command: .quit, label: "q"),
    ])
}
