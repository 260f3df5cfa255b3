/// A mouse action at a cell (0-based column `x`, row `y`).
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left
        case middle
        case right
    }

    public enum Kind: Hashable, Sendable {
        case press(Button)
        /// A button released (terminals do not say which).
        case release
        case wheelUp
        case wheelDown
        /// The pointer moved (reported only by terminals that track motion).
        case move
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

extension MouseEvent: CustomStringConvertible {
    /// `left press at 3,4`, `wheel up at 0,0`: for diagnostics and logs.
    public var description: String {
        let action = switch kind {
        case .press(let button): "\(button) press"
        case .release: "release"
        case .wheelUp: "wheel up"
        case .wheelDown: "wheel down"
        case .move: "move"
        }
        return "\(action) at \(x),\(y)"
    }
}
