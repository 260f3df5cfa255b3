import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Leaves the terminal usable however the process ends.
///
/// `NcursesBackend.shutdown()` is the normal path. For the others: SIGINT (Ctrl-C in cbreak
/// mode) and SIGTERM restore the terminal and then die of the same signal with its default
/// action, so the shell sees the usual status; an `exit()` from anywhere runs the atexit
/// hook. SIGTSTP (Ctrl-Z) and SIGCONT are left to ncurses' own handler, which restores the
/// terminal on suspend and redraws on resume. SIGWINCH is ncurses' too: it arrives as
/// `KEY_RESIZE`.
enum TerminalRestoration {
    /// Installs the handlers (once per process; call after `newterm`, which installs its own).
    static func install() {
        _ = installed
    }

    private static let installed: Void = {
        atexit {
            TerminalRestoration.restore()
        }
        signal(SIGINT) { signal in
            TerminalRestoration.restore()
            errata_default_signal(signal)
            raise(signal)
        }
        signal(SIGTERM) { signal in
            TerminalRestoration.restore()
            errata_default_signal(signal)
            raise(signal)
        }
    }()

    /// Ends curses mode if it is on: shows the cursor, leaves the alternate screen, resets
    /// the tty modes. Does nothing after `shutdown` or before the screen was opened.
    static func restore() {
        guard errata_stdscr() != nil, !isendwin() else { return }
        curs_set(1)
        endwin()
    }
}
