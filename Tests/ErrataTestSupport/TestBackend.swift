import TerminalUI

/// A terminal double: keeps what was drawn in a `ScreenBuffer` and replays queued events.
///
/// Views and the event loop run against it exactly as against ncurses, and a test asserts
/// on `screen` (for instance with `assertSnapshot`) or on the changes sent per frame.
public final class TestBackend: TerminalBackend {
    /// What the terminal shows now, styles degraded to `capabilities` as a real one would.
    public private(set) var screen: ScreenBuffer
    public var capabilities: TerminalCapabilities
    /// Events `nextEvent` returns, first to last; when empty it reports a timeout. A
    /// `.resize` also gives `screen` the new size (blank), as a terminal's resize does.
    public var pendingEvents: [InputEvent]
    /// The changes of every `draw` call, in order.
    public private(set) var drawnFrames: [[CellChange]] = []
    public private(set) var isShutDown = false

    public init(width: Int, height: Int, capabilities: TerminalCapabilities = .full, events: [InputEvent] = []) {
        screen = ScreenBuffer(width: width, height: height)
        self.capabilities = capabilities
        pendingEvents = events
    }

    public var size: (width: Int, height: Int) {
        (screen.width, screen.height)
    }

    public func draw(_ changes: [CellChange]) {
        drawnFrames.append(changes)
        for change in changes {
            var cell = change.cell
            cell.style = degrade(cell.style, to: capabilities)
            screen[change.x, change.y] = cell
        }
    }

    public func nextEvent(timeout: Duration) -> InputEvent? {
        guard !pendingEvents.isEmpty else { return nil }
        let event = pendingEvents.removeFirst()
        if case .resize(let width, let height) = event {
            screen = ScreenBuffer(width: width, height: height)
        }
        return event
    }

    public func shutdown() {
        isShutDown = true
    }
}
