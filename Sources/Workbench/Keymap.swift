import TerminalUI

/// Keys to commands, as data: the same table dispatches keys, draws the help overlay and the
/// status-bar hints.
public struct Keymap: Sendable {
    public struct Binding: Sendable {
        public var key: Key
        public var command: Command
        /// How the key is written in help: `j`, `↓`, `PgDn`, `Ctrl-F`.
        public var label: String
    }

    public var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    public func command(for key: Key) -> Command? {
        bindings.first { $0.key == key }?.command
    }

    /// The labels of every key bound to `command`, in table order.
    public func labels(for command: Command) -> [String] {
        bindings.filter { $0.command == command }.map(\.label)
    }

    /// vim-style keys and their arrow/paging equivalents.
    public static let standard = Keymap(bindings: [
        .init(key: .character("j"), command: .moveDown, label: "j"),
        .init(key: .down, command: .moveDown, label: "↓"),
        .init(key: .character("k"), command: .moveUp, label: "k"),
        .init(key: .up, command: .moveUp, label: "↑"),
        .init(key: .pageDown, command: .pageDown, label: "PgDn"),
        .init(key: .control("f"), command: .pageDown, label: "Ctrl-F"),
        .init(key: .character(" "), command: .pageDown, label: "Space"),
        .init(key: .pageUp, command: .pageUp, label: "PgUp"),
        .init(key: .control("b"), command: .pageUp, label: "Ctrl-B"),
        .init(key: .character("g"), command: .moveToFirst, label: "g"),
        .init(key: .home, command: .moveToFirst, label: "Home"),
        .init(key: .character("G"), command: .moveToLast, label: "G"),
        .init(key: .end, command: .moveToLast, label: "End"),
        .init(key: .tab, command: .focusNext, label: "Tab"),
        .init(key: .character("l"), command: .focusNext, label: "l"),
        .init(key: .right, command: .focusNext, label: "→"),
        .init(key: .backTab, command: .focusPrevious, label: "Shift-Tab"),
        .init(key: .character("h"), command: .focusPrevious, label: "h"),
        .init(key: .left, command: .focusPrevious, label: "←"),
        .init(key: .enter, command: .open, label: "Enter"),
        .init(key: .character("+"), command: .narrow, label: "+"),
        .init(key: .character("a"), command: .narrow, label: "a"),
        .init(key: .escape, command: .close, label: "Esc"),
        .init(key: .character("?"), command: .showHelp, label: "?"),
        .init(key: .character("c"), command: .showCompare, label: "c"),
        .init(key: .character(":"), command: .beginCommand, label: ":"),
        .init(key: .character("/"), command: .beginSearch, label: "/"),
        .init(key: .character("n"), command: .nextMatch, label: "n"),
        .init(key: .character("N"), command: .previousMatch, label: "N"),
        .init(key: .character("s"), command: .sortByColumn, label: "s"),
        .init(key: .character("r"), command: .reverseSort, label: "r"),
        .init(key: .character("m"), command: .nextMetric, label: "m"),
        .init(key: .character("q"), command: .quit, label: "q"),
    ])

    /// The commands shown in the status bar, in order.
    public static let hinted: [Command] = [.showHelp, .beginCommand, .beginSearch, .open, .showCompare, .sortByColumn, .nextMetric, .quit]
}
