import TerminalUI

/// A dataset the start screen lists: a bundled one or a recent file.
public struct DatasetEntry: Sendable, Equatable {
    public var name: String
    /// What Enter opens: a dataset folder, a file, or a bundled name.
    public var path: String
    public var task: String?
    /// What the dataset shows off, from its manifest's `description`.
    public var description: String?
    /// Bytes of its files on disk.
    public var bytes: Int64?
    /// Counted once the dataset was read in the background (nil: not yet).
    public var instances: Int?
    public var systems: Int?
    /// Why there are no counts: the dataset did not load.
    public var problem: String?

    public init(name: String, path: String, task: String? = nil, description: String? = nil, bytes: Int64? = nil,
                instances: Int? = nil, systems: Int? = nil, problem: String? = nil) {
        self.name = name
        self.path = path
        self.task = task
        self.description = description
        self.bytes = bytes
        self.instances = instances
        self.systems = systems
        self.problem = problem
    }
}

/// The first screen of `errata` without a dataset: the bundled datasets and the recent files;
/// Enter opens one. A value with a pure key handler, drawn by `StartScreenView`.
public struct StartScreen: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case open(String)
        case quit
    }

    public var bundled: [DatasetEntry]
    public var recent: [DatasetEntry]
    public var cursor = 0
    /// Why the last dataset did not open, shown until the next key.
    public var message: String?

    public init(bundled: [DatasetEntry], recent: [DatasetEntry], message: String? = nil) {
        self.bundled = bundled
        self.recent = recent
        self.message = message
    }

    /// Bundled first, then recent: the order of the cursor.
    public var entries: [DatasetEntry] { bundled + recent }

    /// Applies a key; an outcome ends the screen.
    public mutating func handle(_ key: Key, keymap: StartKeymap = .start) -> Outcome? {
        message = nil
        let count = entries.count
        switch keymap.command(for: key) {
        case .down?: cursor = min(max(0, count - 1), cursor + 1)
        case .up?: cursor = max(0, cursor - 1)
        case .first?: cursor = 0
        case .last?: cursor = max(0, count - 1)
        case .open?: return entries.indices.contains(cursor) ? .open(entries[cursor].path) : nil
        case .quit?: return .quit
        case nil: break
        }
        return nil
    }
}

/// What a key does on the start screen, by name.
public enum StartCommand: String, NamedCommand {
    case down = "next-dataset"
    case up = "previous-dataset"
    case first = "first-dataset"
    case last = "last-dataset"
    case open = "open-dataset"
    case quit

    public var help: String {
        switch self {
        case .down: "next"
        case .up: "previous"
        case .first: "first"
        case .last: "last"
        case .open: "open"
        case .quit: "quit"
        }
    }
}

public typealias StartKeymap = KeyTable<StartCommand>

extension KeyTable where Name == StartCommand {
    public static var start: StartKeymap { startKeymap }
}

private let startKeymap = StartKeymap(bindings: StartKeymap.stepping(down: .down, up: .up) + StartKeymap.ends(first: .first, last: .last) + [
    .init(key: .enter, command: .open, label: "Enter"),
    .init(key: .character("q"), command: .quit, label: "q"),
    .init(key: .escape, command: .quit, label: "Esc"),
])
