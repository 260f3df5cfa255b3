import Testing
import TerminalUI

@Suite struct InputDescriptionTests {
    @Test func keysAreNamedAsHelpTextsShowThem() {
        #expect(Key.character("q").description == "q")
        #expect(Key.character(" ").description == "space")
        #expect(Key.control("s").description == "ctrl-s")
        #expect(Key.backTab.description == "shift-tab")
        #expect(Key.function(5).description == "F5")
    }

    @Test func eventsDescribeThemselves() {
        #expect(InputEvent.key(.pageDown).description == "key pgdn")
        #expect(InputEvent.mouse(MouseEvent(x: 3, y: 4, kind: .press(.left))).description == "mouse left press at 3,4")
        #expect(InputEvent.mouse(MouseEvent(x: 0, y: 1, kind: .wheelUp)).description == "mouse wheel up at 0,1")
        #expect(InputEvent.resize(width: 100, height: 30).description == "resize 100x30")
    }
}
