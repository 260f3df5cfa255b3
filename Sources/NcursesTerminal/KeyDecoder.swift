import CNcurses
import TerminalUI

/// Turns what `wget_wch` returns into `Key`s.
///
/// Pure functions of the code, so the mapping is testable without a terminal.
enum KeyDecoder {
    /// A character code (`wget_wch` returned `OK`): printable keys, and the control codes
    /// terminals send for Enter, Tab, Backspace, Esc and Ctrl-letter.
    static func character(_ code: UInt32) -> Key {
        switch code {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1 ... 26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28 ... 31: return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .character("\u{FFFD}") }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (`wget_wch` returned `KEY_CODE_YES`), or nil for keys errata
    /// does not bind (and for `KEY_RESIZE` and `KEY_MOUSE`, which are events of their own).
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case errata_key_f(1) ... errata_key_f(63): return .function(Int(code - errata_key_f(0)))
        default: return nil
        }
    }

    /// Esc followed at once by `next` (a character code) as Alt and that key, for the keys
    /// errata binds with Alt only: Alt-B and Alt-F (word motion in text fields).
    ///
    /// Terminals send Alt-b as Esc then b, exactly what a script or a fast burst sends for
    /// Esc followed by b; reading every such pair as Alt would swallow the Esc of "Esc, w"
    /// (close the overlay, next untagged). Any other key after Esc stays a key of its own.
    static func alt(_ next: UInt32) -> Key? {
        guard case .character(let character) = character(next), altKeys.contains(character) else { return nil }
        return .alt(character)
    }

    static let altKeys: Set<Character> = ["b", "f"]

    /// A key ncurses reports by a terminfo name rather than a fixed code: the extended keys
    /// of xterm-like terminals, of which errata binds Ctrl-← and Ctrl-→.
    static func namedKey(_ name: String) -> Key? {
        switch name {
        case "kLFT5": .controlLeft
        case "kRIT5": .controlRight
        default: nil
        }
    }

    /// A mouse report's button state as a `MouseEvent.Kind`, or nil for states errata ignores.
    static func mouseKind(_ state: mmask_t) -> MouseEvent.Kind? {
        if state & errata_button1_pressed() != 0 { return .press(.left) }
        if state & errata_button2_pressed() != 0 { return .press(.middle) }
        if state & errata_button3_pressed() != 0 { return .press(.right) }
        if state & errata_button4_pressed() != 0 { return .wheelUp }
        if state & errata_button5_pressed() != 0 { return .wheelDown }
        if state & errata_buttons_released() != 0 { return .release }
        if state & errata_report_mouse_position() != 0 { return .move }
        return nil
    }
}
