import TerminalUI

/// The workbench's styles in one place, so views agree and colour can be degraded centrally.
public enum Theme {
    public static let title = Style(foreground: .indexed(15), background: .indexed(24), attributes: [.bold])
    public static let header = Style(attributes: [.bold, .underline])
    public static let selected = Style(attributes: [.reverse])
    public static let focusedBorder = Style(foreground: .indexed(39), attributes: [.bold])
    public static let border = Style(foreground: .indexed(244))
    public static let dim = Style(foreground: .indexed(244))
    public static let error = Style(foreground: .indexed(196), attributes: [.bold])
    public static let info = Style(foreground: .indexed(250))
    public static let key = Style(foreground: .indexed(220), attributes: [.bold])
    public static let bar = Style(foreground: .indexed(75))
    public static let better = Style(foreground: .indexed(40), attributes: [.bold])
    public static let worse = Style(foreground: .indexed(203), attributes: [.bold])
    public static let inserted = Style(foreground: .indexed(40), attributes: [.underline])
    public static let deleted = Style(foreground: .indexed(203), attributes: [.dim])
    public static let groupHeader = Style(foreground: .indexed(180), attributes: [.bold])
}
