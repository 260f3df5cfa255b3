/// What a backend reports: a key, a mouse action, or a new terminal size.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows; the next frame must be drawn whole.
    case resize(width: Int, height: Int)
}

extension InputEvent: CustomStringConvertible {
    /// `key ctrl-s`, `mouse left press at 3,4`, `resize 100x30`.
    public var description: String {
        switch self {
        case .key(let key): "key \(key)"
        case .mouse(let mouse): "mouse \(mouse)"
        case .resize(let width, let height): "resize \(width)x\(height)"
        }
    }
}
