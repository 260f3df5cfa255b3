import CNcurses
import TerminalUI

extension NcursesBackend {
    /// Waits up to `timeout` for a key, mouse action or resize.
    ///
    /// Keys errata does not bind and mouse states it ignores are skipped within the same
    /// wait, so nil always means nothing usable arrived in time.
    public func nextEvent(timeout: Duration) -> InputEvent? {
        guard isOpen else { return nil }
        let window = errata_stdscr()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        repeat {
            wtimeout(window, NcursesBackend.milliseconds(deadline - clock.now))
            var code: wint_t = 0
            switch wget_wch(window, &code) {
            case OK:
                if code == 27, let key = altKey() { return .key(key) }
                return .key(KeyDecoder.character(UInt32(code)))
            case KEY_CODE_YES:
                if let event = functionEvent(Int32(code)) { return event }
            default:
                return nil
            }
        } while clock.now < deadline
        return nil
    }

    private func functionEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            let size = size
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK, let kind = KeyDecoder.mouseKind(event.bstate) else { return nil }
            return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), kind: kind))
        default:
            if let key = KeyDecoder.functionKey(code) { return .key(key) }
            return keyname(code).flatMap { KeyDecoder.namedKey(String(cString: $0)) }.map(InputEvent.key)
        }
    }

    /// After an Esc, the key that came with it (Alt and a key), if one is already waiting;
    /// anything else is put back to be read as a key of its own.
    private func altKey() -> Key? {
        let window = errata_stdscr()
        wtimeout(window, 0)
        var next: wint_t = 0
        switch wget_wch(window, &next) {
        case OK:
            if let key = KeyDecoder.alt(UInt32(next)) { return key }
            unget_wch(wchar_t(next))
        case KEY_CODE_YES:
            ungetch(Int32(next))
        default:
            break
        }
        return nil
    }

    /// `duration` in whole milliseconds for `wtimeout`, never negative (0 polls).
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }
}
