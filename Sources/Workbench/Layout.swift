import TerminalUI

/// Where each part of the screen goes at a given size.
///
/// Title on the first line, status and hints on the last two; the sidebar takes 30% of the
/// width (26 to 36 columns) when the screen is at least 80 wide, else the table has the whole
/// body.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public let title: Rect
    public let sidebar: Rect
    public let table: Rect
    public let status: Rect
    public let hints: Rect
    /// Everything between the title and the status line: where full overlays go.
    public let body: Rect
    public let tooSmall: Bool

    public init(width: Int, height: Int) {
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        title = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: max(0, height - 2), width: width, height: 1)
        hints = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let bodyHeight = max(0, height - 3)
        body = Rect(x: 0, y: 1, width: width, height: bodyHeight)
        let sidebarWidth = width >= 80 ? min(36, max(26, width * 3 / 10)) : 0
        sidebar = Rect(x: 0, y: 1, width: sidebarWidth, height: bodyHeight)
        table = Rect(x: sidebarWidth, y: 1, width: width - sidebarWidth, height: bodyHeight)
    }
}
