/// A key press, decoded from the terminal's bytes by the backend.
///
/// Printable keys are `.character` (with Shift already applied: `"Q"`), Ctrl with a letter
/// is `.control` with the lowercase letter, so a keymap can bind `.control("s")` without
/// knowing control codes.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1 is `.function(1)`.
    case function(Int)
    /// Ctrl and a key: `.control("a")` for Ctrl-A; `.control(" ")` for Ctrl-Space.
    case control(Character)
    /// Alt (Meta) and a key, which terminals send as Esc and the key: `.alt("b")`.
    case alt(Character)
    /// Ctrl-← and Ctrl-→ (word motion in text fields).
    case controlLeft
    case controlRight
}

extension Key: CustomStringConvertible {
    /// The key as help texts and status bars name it: `q`, `space`, `ctrl-s`, `shift-tab`, `F5`.
    public var description: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .function(let number): "F\(number)"
        case .control(" "): "ctrl-space"
        case .control(let character): "ctrl-\(character)"
        case .alt(let character): "alt-\(character)"
        case .controlLeft: "ctrl-left"
        case .controlRight: "ctrl-right"
        }
    }
}
