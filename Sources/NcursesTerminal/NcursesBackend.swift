import CNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal: ncursesw draws cell changes and decodes keys, mouse and resizes.
///
/// The only type that touches ncurses; everything above it sees `TerminalBackend`. Opening
/// it puts the terminal in curses mode (alternate screen, no echo, keys one at a time,
/// cursor hidden); `shutdown()`, a signal or process exit restores it
/// (`TerminalRestoration`).
public final class NcursesBackend: TerminalBackend {
    public let capabilities: TerminalCapabilities
    private var screen: OpaquePointer?
    var colorPairs: ColorPairs

    /// Opens the terminal named by `TERM` on standard input and output.
    ///
    /// - Throws: `TerminalUnavailable` when input or output is not a terminal, when `TERM`
    ///   is unset or `dumb` (no cursor addressing: errata does not try to draw there), or
    ///   when ncurses does not know the terminal type. Nothing is changed in those cases.
    public init() throws {
        let environment = NcursesBackend.environment(["TERM", "NO_COLOR"])
        let term = environment["TERM"] ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalUnavailable.notATerminal }
        guard !term.isEmpty, term != "dumb" else { throw TerminalUnavailable.dumb(term) }
        setlocale(LC_ALL, "")
        guard let screen = errata_newterm() else { throw TerminalUnavailable.unknown(term) }
        self.screen = screen
        TerminalRestoration.install()
        cbreak()
        noecho()
        nonl()
        NcursesBackend.disableFlowControl()
        let window = errata_stdscr()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)

        // COLORS is known only after start_color, which NO_COLOR must prevent altogether.
        var colors = 0
        var defaultColors = false
        if has_colors(), TerminalCapabilities.colorLevel(reported: 256, environment: environment) > 0 {
            start_color()
            defaultColors = use_default_colors() == OK
            colors = TerminalCapabilities.colorLevel(reported: Int(errata_colors()), environment: environment)
        }
        colorPairs = ColorPairs(limit: colors > 0 ? errata_color_pairs() : 0, defaultColors: defaultColors)
        let mouse = mousemask(errata_all_mouse_events(), nil) != 0
        if mouse { mouseinterval(0) }
        let codeset = String(cString: errata_codeset()).uppercased()
        capabilities = TerminalCapabilities(colors: colors, unicode: codeset == "UTF-8" || codeset == "UTF8", mouse: mouse)
    }

    deinit {
        shutdown()
    }

    public var size: (width: Int, height: Int) {
        guard screen != nil else { return (0, 0) }
        let window = errata_stdscr()
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func shutdown() {
        guard let screen else { return }
        TerminalRestoration.restore()
        delscreen(screen)
        self.screen = nil
    }

    var isOpen: Bool {
        screen != nil
    }

    /// Turns off XON/XOFF so Ctrl-S and Ctrl-Q reach errata as keys instead of freezing the
    /// screen; Ctrl-C still interrupts (cbreak keeps signals). Saved as curses' program
    /// mode, so it survives a suspend; `endwin` restores the shell's mode, flow control included.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        def_prog_mode()
    }

    private static func environment(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
