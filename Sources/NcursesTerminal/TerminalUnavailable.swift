/// Why the workbench cannot open the terminal, in words a user can act on.
///
/// Thrown instead of starting ncurses on a terminal it cannot drive (ncurses' own
/// `initscr` would print a terse message and exit the process): the caller prints it and
/// exits with a failure code, and the terminal is left untouched.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    static func dumb(_ term: String) -> TerminalUnavailable {
        let name = term.isEmpty ? "TERM is not set" : "TERM=\(term)"
        return TerminalUnavailable("""
            the terminal (\(name)) cannot move the cursor, so errata cannot draw its screen; \
            run it in a terminal such as xterm-256color, or use the commands that print text \
            (errata summary, compare, slice)
            """)
    }

    static let notATerminal = TerminalUnavailable(
        "standard input and output must be a terminal to draw the screen (not a pipe or a file)")

    static func unknown(_ term: String) -> TerminalUnavailable {
        TerminalUnavailable("ncurses cannot open the terminal type TERM=\(term) (is its terminfo entry installed?)")
    }
}
