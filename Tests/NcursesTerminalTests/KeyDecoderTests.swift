import CNcurses
@testable import NcursesTerminal
import TerminalUI
import Testing

@Suite struct KeyDecoderTests {
    @Test func controlCodesBecomeNamedKeys() {
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(10) == .enter)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(8) == .backspace)
        #expect(KeyDecoder.character(1) == .control("a"))
        #expect(KeyDecoder.character(19) == .control("s"))
        #expect(KeyDecoder.character(0) == .control(" "))
        #expect(KeyDecoder.character(31) == .control("_"))
    }

    @Test func printableCodesAreCharacters() {
        #expect(KeyDecoder.character(0x71) == .character("q"))
        #expect(KeyDecoder.character(0x51) == .character("Q"))
        #expect(KeyDecoder.character(0x6F22) == .character("漢"))
        #expect(KeyDecoder.character(0xD800) == .character("\u{FFFD}"))
    }

    @Test func functionKeys() {
        #expect(KeyDecoder.functionKey(KEY_UP) == .up)
        #expect(KeyDecoder.functionKey(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.functionKey(KEY_BTAB) == .backTab)
        #expect(KeyDecoder.functionKey(KEY_DC) == .delete)
        #expect(KeyDecoder.functionKey(errata_key_f(5)) == .function(5))
        #expect(KeyDecoder.functionKey(KEY_RESIZE) == nil)
    }

    @Test func mouseStates() {
        #expect(KeyDecoder.mouseKind(errata_button1_pressed()) == .press(.left))
        #expect(KeyDecoder.mouseKind(errata_button3_pressed()) == .press(.right))
        #expect(KeyDecoder.mouseKind(errata_button4_pressed()) == .wheelUp)
        #expect(KeyDecoder.mouseKind(errata_button5_pressed()) == .wheelDown)
        #expect(KeyDecoder.mouseKind(errata_buttons_released()) == .release)
        #expect(KeyDecoder.mouseKind(0) == nil)
    }

    @Test func timeoutsInMilliseconds() {
        #expect(NcursesBackend.milliseconds(.milliseconds(250)) == 250)
        #expect(NcursesBackend.milliseconds(.seconds(2)) == 2000)
        #expect(NcursesBackend.milliseconds(.zero) == 0)
        #expect(NcursesBackend.milliseconds(.seconds(-1)) == 0)
    }
}

@Suite struct KeyDecoderModifierTests {
    @Test func escapeAndAKeyIsAlt() {
        #expect(KeyDecoder.alt(0x62) == .alt("b"))
        #expect(KeyDecoder.alt(0x66) == .alt("f"))
        // Esc then w (close the overlay, next untagged) stays two keys, as does Esc, Enter.
        #expect(KeyDecoder.alt(0x77) == nil)
        #expect(KeyDecoder.alt(13) == nil)
    }

    @Test func controlArrowsAreKnownByTheirTerminfoNames() {
        #expect(KeyDecoder.namedKey("kLFT5") == .controlLeft)
        #expect(KeyDecoder.namedKey("kRIT5") == .controlRight)
        #expect(KeyDecoder.namedKey("kUP5") == nil)
    }
}
