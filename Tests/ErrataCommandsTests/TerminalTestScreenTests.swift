@testable import ErrataCommands
import ErrataTestSupport
import TerminalUI
import Testing

@Suite struct TerminalTestScreenTests {
    @Test func fullTerminalAfterAClick() {
        var screen = TerminalTestScreen(capabilities: .full, terminalName: "xterm-256color")
        screen.record(.key(.character("x")))
        screen.record(.mouse(MouseEvent(x: 4, y: 2, kind: .press(.left))))
        var buffer = ScreenBuffer(width: 64, height: 14)
        screen.render(into: &buffer)
        assertSnapshot(buffer, named: "terminal-full")
    }

    @Test func asciiTerminalWithoutColour() {
        let capabilities = TerminalCapabilities(colors: 0, unicode: false, mouse: false)
        let backend = TestBackend(width: 40, height: 8, capabilities: capabilities)
        let renderer = FrameRenderer(backend: backend)
        var frame = renderer.makeBuffer()
        TerminalTestScreen(capabilities: capabilities, terminalName: "vt100").render(into: &frame)
        renderer.render(frame)
        assertSnapshot(backend.screen, named: "terminal-ascii-no-colour")
    }
}
