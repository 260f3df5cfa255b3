import TerminalUI

/// What a key does in the tagging palette, by name. Any other key that is a category's
/// single key toggles that category.
public enum PaletteCommand: String, NamedCommand {
    case save = "save-tag"
    case cancel = "cancel-tag"
    case pick = "pick-category"
    case newCategory = "new-category"
    case nextSystem = "next-system"
    case nextSeverity = "next-severity"
    case editNote = "edit-note"
    case deleteTag = "delete-tag"
    case showKeys = "palette-help"

    public var help: String {
        switch self {
        case .save: "save the tag"
        case .cancel: "close without saving"
        case .pick: "pick any category"
        case .newCategory: "new category (a path)"
        case .nextSystem: "judged system / none"
        case .nextSeverity: "next severity"
        case .editNote: "edit the note"
        case .deleteTag: "delete this tag"
        case .showKeys: "these keys"
        }
    }
}

/// The palette's keys. Category keys never shadow these: a typology whose category key is
/// one of them reaches that category through the picker (`/`).
public typealias PaletteKeymap = KeyTable<PaletteCommand>

extension KeyTable where Name == PaletteCommand {
    public static var palette: PaletteKeymap { paletteKeymap }
}

private let paletteKeymap = PaletteKeymap(bindings: [
    .init(key: .enter, command: .save, label: "Enter"),
    .init(key: .escape, command: .cancel, label: "Esc"),
    .init(key: .character("/"), command: .pick, label: "/"),
    .init(key: .character("n"), command: .newCategory, label: "n"),
    .init(key: .tab, command: .nextSystem, label: "Tab"),
    .init(key: .character("!"), command: .nextSeverity, label: "!"),
    .init(key: .character("\""), command: .editNote, label: "\""),
    .init(key: .delete, command: .deleteTag, label: "Del"),
    .init(key: .character("?"), command: .showKeys, label: "?"),
])
