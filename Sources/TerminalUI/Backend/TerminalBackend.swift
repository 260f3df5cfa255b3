/// A terminal that draws cells and reports input: the only thing views need from ncurses.
///
/// Everything above this protocol is testable without a terminal; `NcursesBackend` is the
/// real one and tests use a recording double. A backend is used from one thread.
public protocol TerminalBackend: AnyObject {
    /// The terminal's columns and rows now.
    var size: (width: Int, height: Int) { get }
    var capabilities: TerminalCapabilities { get }
    /// Draws the changed cells and shows the result.
    ///
    /// Styles are degraded to `capabilities` by the backend (`degrade(_:to:)`), so views
    /// draw in full colour and never check the terminal themselves.
    func draw(_ changes: [CellChange])
    /// The next event, or nil if none arrived within `timeout` (`.zero` polls).
    func nextEvent(timeout: Duration) -> InputEvent?
    /// Restores the terminal as it was; safe to call more than once.
    func shutdown()
}
