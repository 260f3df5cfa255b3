/// `style` as a terminal with `capabilities` can show it.
///
/// - 256 colours: unchanged.
/// - 8 colours: bright colours 8-15 become their basic colour 0-7; cube and grey colours
///   (16-255) become the basic colour nearest in RGB (xterm's palette). If foreground and
///   background then coincide, the foreground becomes black or white, whichever contrasts,
///   so text never vanishes into its background.
/// - 0 colours (`NO_COLOR`, monochrome terminals): colours are dropped; a background adds
///   reverse video, so highlighted cells (selections, heat-map cells) stay distinguishable.
public func degrade(_ style: Style, to capabilities: TerminalCapabilities) -> Style {
    if capabilities.colors >= 256 { return style }
    var result = style
    if capabilities.colors >= 8 {
        result.foreground = BasicPalette.nearest(to: style.foreground)
        result.background = BasicPalette.nearest(to: style.background)
        if result.foreground == result.background, case .indexed(let index) = result.background {
            result.foreground = BasicPalette.isDark(index) ? .white : .black
        }
        return result
    }
    result.foreground = .default
    result.background = .default
    if style.background != .default { result.attributes.insert(.reverse) }
    return result
}

/// The xterm 256-colour palette in RGB, and the mapping down to the eight basic colours.
enum BasicPalette {
    /// xterm's default basic colours, the reference the cube is compared against.
    static let basic: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    static func nearest(to color: Color) -> Color {
        guard case .indexed(let index) = color else { return color }
        if index < 8 { return color }
        if index < 16 { return .indexed(index - 8) }
        let target = rgb(index)
        let distances = basic.map { c in
            (c.r - target.r) * (c.r - target.r) + (c.g - target.g) * (c.g - target.g) + (c.b - target.b) * (c.b - target.b)
        }
        return .indexed(UInt8(distances.indices.min { distances[$0] < distances[$1] }!))
    }

    /// The RGB of a cube (16-231) or grey (232-255) entry, as xterm defines them.
    static func rgb(_ index: UInt8) -> (r: Int, g: Int, b: Int) {
        if index >= 232 {
            let level = 8 + 10 * Int(index - 232)
            return (level, level, level)
        }
        let cube = Int(index) - 16
        let step = { (v: Int) in v == 0 ? 0 : 55 + 40 * v }
        return (step(cube / 36), step(cube / 6 % 6), step(cube % 6))
    }

    /// Black, red, blue and magenta carry white text better than black text.
    static func isDark(_ index: UInt8) -> Bool {
        [0, 1, 4, 5].contains(index)
    }
}
