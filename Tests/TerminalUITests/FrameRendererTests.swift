import ErrataTestSupport
import Testing
import TerminalUI

@Suite struct FrameRendererTests {
    @Test func sendsOnlyChangedCellsAfterTheFirstFrame() {
        let backend = TestBackend(width: 4, height: 2)
        let renderer = FrameRenderer(backend: backend)
        var frame = renderer.makeBuffer()
        frame.write("ab", x: 0, y: 0)
        renderer.render(frame)
        frame.write("c", x: 1, y: 1)
        renderer.render(frame)
        #expect(backend.drawnFrames.map(\.count) == [8, 1])
        #expect(backend.screen.row(0) == narrow("ab  "))
        #expect(backend.screen.row(1) == narrow(" c  "))
        renderer.invalidate()
        renderer.render(frame)
        #expect(backend.drawnFrames.last?.count == 8)
    }

    @Test func buffersUseTheSymbolsTheTerminalCanShow() {
        let backend = TestBackend(width: 2, height: 1, capabilities: TerminalCapabilities(colors: 0, unicode: false, mouse: false))
        #expect(FrameRenderer(backend: backend).makeBuffer().symbols == .ascii)
    }

    @Test func theTestBackendDegradesStylesLikeARealTerminal() {
        let backend = TestBackend(width: 1, height: 1, capabilities: TerminalCapabilities(colors: 0, unicode: true, mouse: false))
        backend.draw([CellChange(x: 0, y: 0, cell: Cell(text: "x", width: 1, style: Style(background: .red)))])
        #expect(backend.screen[0, 0].style == Style(attributes: .reverse))
    }
}
