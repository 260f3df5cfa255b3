/// A rectangle of cells: the area a view draws into.
///
/// Sizes are never negative: helpers that would shrink a rectangle past zero return an empty
/// one at the clamped position, so layout code need not guard every subtraction.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole screen of `width` x `height` cells.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The cells in both rectangles (empty, at `self`'s origin, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` cells on every side (the inside of a box is `inset(by: 1)`).
    public func inset(by amount: Int) -> Rect {
        inset(by: EdgeInsets(all: amount))
    }

    /// The rectangle shrunk by `insets`; never narrower or shorter than zero.
    public func inset(by insets: EdgeInsets) -> Rect {
        let width = max(0, self.width - insets.left - insets.right)
        let height = max(0, self.height - insets.top - insets.bottom)
        return Rect(x: x + min(insets.left, self.width), y: y + min(insets.top, self.height), width: width, height: height)
    }

    /// Stacks rows top to bottom with the given heights (see `Length` for how space is shared).
    public func rows(_ heights: Length...) -> [Rect] {
        rows(heights)
    }

    public func rows(_ heights: [Length]) -> [Rect] {
        var top = y
        return Length.distribute(height, among: heights).map { size in
            defer { top += size }
            return Rect(x: x, y: top, width: width, height: size)
        }
    }

    /// Places columns left to right with the given widths (see `Length` for how space is shared).
    public func columns(_ widths: Length...) -> [Rect] {
        columns(widths)
    }

    public func columns(_ widths: [Length]) -> [Rect] {
        var left = x
        return Length.distribute(width, among: widths).map { size in
            defer { left += size }
            return Rect(x: left, y: y, width: size, height: height)
        }
    }
}
