/// How a cell is drawn: foreground, background and attributes.
///
/// A value type compared by value, so the buffer diff (`ScreenBuffer.changes(from:)`) notices a
/// style change as readily as a text change.
public struct Style: Hashable, Sendable {
    public var foreground: Color = .default
    public var background: Color = .default
    public var attributes: TextAttributes = []

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// True for the terminal's plain text: default colours, no attributes.
    public var isDefault: Bool {
        self == Style()
    }
}

extension Style: CustomStringConvertible {
    /// `fg:1 bg:4 bold reverse`: non-default parts only, in a fixed order (used by snapshots).
    public var description: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg:\(foreground)") }
        if background != .default { parts.append("bg:\(background)") }
        for (name, attribute) in TextAttributes.named where attributes.contains(attribute) {
            parts.append(name)
        }
        return parts.isEmpty ? "default" : parts.joined(separator: " ")
    }
}
