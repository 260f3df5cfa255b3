/// Draws successive frames on a backend, sending only the cells that changed.
///
/// The diff against the last frame drawn (ratatui's `Buffer::diff`) keeps redraws small over
/// SSH; a resize, or `invalidate()`, makes the next frame draw whole.
public final class FrameRenderer {
    public let backend: any TerminalBackend
    private var previous: ScreenBuffer?

    public init(backend: any TerminalBackend) {
        self.backend = backend
    }

    /// A blank frame the size of the terminal, drawing with the symbols it can show.
    public func makeBuffer() -> ScreenBuffer {
        let size = backend.size
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        buffer.symbols = .for(backend.capabilities)
        return buffer
    }

    /// Draws `frame`: the cells that differ from the previous frame, or all of them.
    public func render(_ frame: ScreenBuffer) {
        backend.draw(frame.changes(from: previous))
        previous = frame
    }

    /// Forgets the previous frame, so the next `render` draws every cell (after the screen
    /// was disturbed, for instance by a suspended job).
    public func invalidate() {
        previous = nil
    }
}
