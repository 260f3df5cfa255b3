/// A terminal colour: the terminal's own default, or an entry of the xterm 256-colour palette.
///
/// Indices follow the palette every 256-colour terminal shares: 0-7 the basic colours, 8-15
/// their bright variants, 16-231 a 6x6x6 colour cube, 232-255 a grey ramp. Views name colours
/// by index so that `degrade(_:to:)` can map them down for 8-colour and colourless terminals.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background (so a themed terminal keeps its theme).
    case `default`
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightRed = Color.indexed(9)
    public static let brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11)
    public static let brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)

    /// The cube colour nearest to `red`, `green`, `blue` (each 0...5), an index in 16...231.
    public static func cube(red: Int, green: Int, blue: Int) -> Color {
        let clamp = { (v: Int) in UInt8(min(5, max(0, v))) }
        return .indexed(16 + 36 * clamp(red) + 6 * clamp(green) + clamp(blue))
    }

    /// A grey from the 24-step ramp (`level` 0...23, dark to light), an index in 232...255.
    public static func grey(_ level: Int) -> Color {
        .indexed(232 + UInt8(min(23, max(0, level))))
    }
}

extension Color: CustomStringConvertible {
    public var description: String {
        switch self {
        case .default: "default"
        case .indexed(let index): String(index)
        }
    }
}
