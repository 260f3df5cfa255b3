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
/// hook. A crash (a trap from a failed precondition, a fault, an abort) restores the
/// terminal and then goes on to the handler that was there before (Swift's backtracer, or the
/// default), so the report is readable on a sane terminal. SIGTSTP (Ctrl-Z) and SIGCONT are
/// left to ncurses' own handler, which restores the terminal on suspend and redraws on
/// resume. SIGWINCH is ncurses' too: it arrives as `KEY_RESIZE`.
enum TerminalRestoration {
    /// Installs the handlers (once per process; call after `newterm`, which installs its own).
    static func install() {
        _ = installed
    }

    private static let crashSignals = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// The actions the crash handler hands over to, indexed by signal number. Written once,
    /// before the handlers are installed; only read afterwards.
    nonisolated(unsafe) private static var previousActions: [sigaction] = Array(repeating: .init(), count: 32)

    private static let installed: Void = {
        atexit {
            TerminalRestoration.restore()
        }
        for terminating in [SIGINT, SIGTERM] {
            signal(terminating) { signal in
                TerminalRestoration.restore()
                errata_default_signal(signal)
                raise(signal)
            }
        }
        for crash in crashSignals {
            sigaction(crash, nil, &previousActions[Int(crash)])
        }
        for crash in crashSignals {
            var action: sigaction = .init()
            action.__sigaction_handler.sa_handler = { signal in
                TerminalRestoration.restore()
                sigaction(signal, &TerminalRestoration.previousActions[Int(signal)], nil)
                raise(signal)
            }
            sigaction(crash, &action, nil)
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
