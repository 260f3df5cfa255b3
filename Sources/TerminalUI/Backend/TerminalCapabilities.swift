/// What the terminal can show, as detected by the backend.
public struct TerminalCapabilities: Hashable, Sendable {
    /// 256, 8 or 0 (0 under `NO_COLOR` or on a terminal without colour).
    public var colors: Int
    /// False under a non-UTF-8 locale: draw with `Symbols.ascii`; other non-ASCII text is
    /// shown by the backend as `?`.
    public var unicode: Bool
    /// True when the terminal reports mouse clicks and the wheel.
    public var mouse: Bool

    public init(colors: Int, unicode: Bool, mouse: Bool) {
        self.colors = colors
        self.unicode = unicode
        self.mouse = mouse
    }

    /// A modern terminal: 256 colours, Unicode, mouse. The default for tests.
    public static let full = TerminalCapabilities(colors: 256, unicode: true, mouse: true)

    /// The colour level to use for a terminal reporting `reported` colours.
    ///
    /// `NO_COLOR` set to any non-empty value (https://no-color.org) means no colour at all;
    /// otherwise 256 or more colours give 256, 8 to 255 give 8 (palettes between 8 and 256,
    /// such as 16 or 88, are not addressed index by index), fewer give 0.
    public static func colorLevel(reported: Int, environment: [String: String]) -> Int {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return 0 }
        if reported >= 256 { return 256 }
        return reported >= 8 ? 8 : 0
    }
}
