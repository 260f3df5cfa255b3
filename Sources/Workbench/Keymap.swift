import TerminalUI

/// What a key table can name: a command with a line of help.
public protocol NamedCommand: Hashable, Sendable, CaseIterable {
    /// One line for the help overlay.
    var help: String { get }
}

/// Keys to named commands, as data: the same table dispatches keys, draws the help overlay
/// and the hints. The workbench has one table per mode (`Keymap` for browsing,
/// `PaletteKeymap` for the tagging palette), so a key can mean different things in each.
public struct KeyTable<Name: NamedCommand>: Sendable {
    public struct Binding: Sendable {
        public var key: Key
        public var command: Name
        /// How the key is written in help: `j`, `↓`, `PgDn`, `Ctrl-F`.
        public var label: String

        public init(key: Key, command: Name, label: String) {
            self.key = key
            self.command = command
            self.label = label
        }
    }

    public var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    public func command(for key: Key) -> Name? {
        bindings.first { $0.key == key }?.command
    }

    /// The labels of every key bound to `command`, in table order.
    public func labels(for command: Name) -> [String] {
        bindings.filter { $0.command == command }.map(\.label)
    }

    /// Every command with its keys, in the command's declaration order: the help overlay.
    public var helpLines: [(keys: String, help: String)] {
        Name.allCases.map { (labels(for: $0).joined(separator: " "), $0.help) }
    }
}

/// The browsing keys.
public typealias Keymap = KeyTable<Command>

extension KeyTable where Name == Command {
    /// vim-style keys and their arrow/paging equivalents.
    public static var standard: Keymap { standardKeymap }

    /// The commands shown in the status bar, in order.
    public static var hinted: [Command] { [.showHelp, .beginCommand, .beginSearch, .open, .tag, .showCompare, .sortByColumn, .nextMetric, .quit] }
}

extension KeyTable {
    /// The moving keys every list shares (j/k and the arrows, pages, g/G and Home/End), bound to
    /// a table's own commands, so the table and the reports move alike.
    static func moving(down: Name, up: Name, pageDown: Name, pageUp: Name, first: Name, last: Name) -> [Binding] {
        stepping(down: down, up: up) + [
            .init(key: .pageDown, command: pageDown, label: "PgDn"),
            .init(key: .control("f"), command: pageDown, label: "Ctrl-F"),
            .init(key: .character(" "), command: pageDown, label: "Space"),
            .init(key: .pageUp, command: pageUp, label: "PgUp"),
            .init(key: .control("b"), command: pageUp, label: "Ctrl-B"),
        ] + ends(first: first, last: last)
    }

    /// One step down or up (j/k and the arrows), for lists short enough to need no pages.
    static func stepping(down: Name, up: Name) -> [Binding] {
        [
            .init(key: .character("j"), command: down, label: "j"),
            .init(key: .down, command: down, label: "↓"),
            .init(key: .character("k"), command: up, label: "k"),
            .init(key: .up, command: up, label: "↑"),
        ]
    }

    /// The first and the last entry (g/Home, G/End).
    static func ends(first: Name, last: Name) -> [Binding] {
        [
            .init(key: .character("g"), command: first, label: "g"),
            .init(key: .home, command: first, label: "Home"),
            .init(key: .character("G"), command: last, label: "G"),
            .init(key: .end, command: last, label: "End"),
        ]
    }
}

private let standardKeymap = Keymap(bindings: Keymap.moving(down: .moveDown, up: .moveUp, pageDown: .pageDown, pageUp: .pageUp,
                                                           first: .moveToFirst, last: .moveToLast) + [
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
    .init(key: .character("L"), command: .scrollRight, label: "L"),
    .init(key: .character(">"), command: .scrollRight, label: ">"),
    .init(key: .character("H"), command: .scrollLeft, label: "H"),
    .init(key: .character("<"), command: .scrollLeft, label: "<"),
    .init(key: .character("p"), command: .pickSystems, label: "p"),
    .init(key: .character("d"), command: .sortByDifference, label: "d"),
    .init(key: .character("R"), command: .showRanking, label: "R"),
    .init(key: .character("t"), command: .tag, label: "t"),
    .init(key: .character("w"), command: .nextUntagged, label: "w"),
    .init(key: .character("T"), command: .showTallies, label: "T"),
    .init(key: .character("u"), command: .undo, label: "u"),
    .init(key: .character("U"), command: .redo, label: "U"),
    .init(key: .control("r"), command: .redo, label: "Ctrl-R"),
    .init(key: .character("S"), command: .saveSuggestion, label: "S"),
    .init(key: .character("q"), command: .quit, label: "q"),
])
