import TerminalUI

/// The systems overlay (`p`): every system of the dataset with a checkbox, the chosen ones
/// first in the order the table shows them. Enter applies the choice as `:systems` does.
public struct SystemPicker: Sendable, Equatable {
    /// Every system: the chosen in their order, then the rest in the dataset's order.
    public var items: [String]
    public var chosen: Set<String>
    public var cursor = 0
    public var top = 0
    public var error: String?

    public init(all: [String], chosen: [String]) {
        items = chosen + all.filter { !chosen.contains($0) }
        self.chosen = Set(chosen)
    }

    /// The chosen systems in the order of the list.
    public var choice: [String] { items.filter { chosen.contains($0) } }
}

/// What a key does in the systems overlay, by name.
public enum PickerCommand: String, NamedCommand {
    case down = "picker-down"
    case up = "picker-up"
    case toggle = "toggle-system"
    case moveEarlier = "move-system-up"
    case moveLater = "move-system-down"
    case all = "choose-all"
    case apply = "apply-systems"
    case cancel = "cancel-systems"

    public var help: String {
        switch self {
        case .down: "next system"
        case .up: "previous system"
        case .toggle: "show / hide"
        case .moveEarlier: "move up"
        case .moveLater: "move down"
        case .all: "all / only the first"
        case .apply: "apply"
        case .cancel: "close"
        }
    }
}

public typealias PickerKeymap = KeyTable<PickerCommand>

extension KeyTable where Name == PickerCommand {
    public static var picker: PickerKeymap { pickerKeymap }
}

private let pickerKeymap = PickerKeymap(bindings: PickerKeymap.stepping(down: .down, up: .up) + [
    .init(key: .character(" "), command: .toggle, label: "Space"),
    .init(key: .character("x"), command: .toggle, label: "x"),
    .init(key: .character("K"), command: .moveEarlier, label: "K"),
    .init(key: .character("J"), command: .moveLater, label: "J"),
    .init(key: .character("a"), command: .all, label: "a"),
    .init(key: .enter, command: .apply, label: "Enter"),
    .init(key: .escape, command: .cancel, label: "Esc"),
    .init(key: .character("q"), command: .cancel, label: "q"),
])

extension SystemPicker {
    /// Applies a picker command to the list; `apply` and `cancel` are the caller's.
    mutating func perform(_ command: PickerCommand, page: Int) {
        error = nil
        switch command {
        case .down: cursor = min(items.count - 1, cursor + 1)
        case .up: cursor = max(0, cursor - 1)
        case .toggle:
            let system = items[cursor]
            if chosen.contains(system) { chosen.remove(system) } else { chosen.insert(system) }
        case .moveEarlier where cursor > 0:
            items.swapAt(cursor, cursor - 1)
            cursor -= 1
        case .moveLater where cursor < items.count - 1:
            items.swapAt(cursor, cursor + 1)
            cursor += 1
        case .all:
            chosen = chosen.count == items.count ? [items[0]] : Set(items)
        default: break
        }
        if cursor < top { top = cursor }
        if cursor >= top + page { top = cursor - page + 1 }
    }
}
