import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Leaves the terminal usable however the process ends.
///
/// `NcursesBackend.shutdown()` is the normal path, and an `exit()` from anywhere runs the
/// atexit hook; both end curses mode with `endwin`. Signals cannot: `endwin` is not safe in
/// a signal handler, and a stack overflow leaves no stack to run a handler on. So the C side
/// (`TerminalRestoration.c`) prepares, when the screen opens, the bytes that undo curses mode
/// (mouse reporting off, attributes reset, cursor shown, alternate screen left) and the tty
/// modes the shell had, and handles SIGINT, SIGTERM, SIGHUP, SIGQUIT and the crash signals
/// (SIGSEGV, SIGILL, SIGBUS, SIGABRT, SIGFPE, SIGTRAP) on an alternate stack with
/// async-signal-safe calls only: it writes those bytes, restores the modes, and dies of the
/// same signal with its default action, so the shell sees the usual status. SIGTSTP (Ctrl-Z)
/// and SIGCONT are left to ncurses' own handler, which restores the terminal on suspend and
/// redraws on resume; SIGWINCH is ncurses' too: it arrives as `KEY_RESIZE`.
///
/// The alternate stack is the main thread's (the one that draws); a stack overflow on another
/// thread cannot run the handler.
enum TerminalRestoration {
    /// Installs the handlers (once per process) and arms them for this screen; call right
    /// after `newterm` (which saved the shell's tty modes and installed ncurses' handlers).
    static func install() {
        _ = installed
        errata_restoration_arm()
    }

    private static let installed: Void = {
        atexit {
            TerminalRestoration.restore()
        }
        errata_restoration_install()
    }()

    /// Ends curses mode if it is on: shows the cursor, leaves the alternate screen, resets
    /// the tty modes. Does nothing after `shutdown` or before the screen was opened.
    static func restore() {
        errata_restoration_disarm()
        guard errata_stdscr() != nil, !isendwin() else { return }
        curs_set(1)
        endwin()
    }
}
