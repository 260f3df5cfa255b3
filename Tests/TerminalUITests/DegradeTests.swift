import Testing
import TerminalUI

@Suite struct DegradeTests {
    let eight = TerminalCapabilities(colors: 8, unicode: true, mouse: false)
    let none = TerminalCapabilities(colors: 0, unicode: true, mouse: false)

    @Test func fullColourTerminalsKeepTheStyle() {
        let style = Style(foreground: .indexed(196), background: .grey(20), attributes: .italic)
        #expect(degrade(style, to: .full) == style)
    }

    @Test func eightColoursMapToTheNearestBasicColour() {
        #expect(degrade(Style(foreground: .brightRed), to: eight) == Style(foreground: .red))
        #expect(degrade(Style(foreground: .indexed(196)), to: eight) == Style(foreground: .red))
        #expect(degrade(Style(foreground: .cube(red: 0, green: 0, blue: 5)), to: eight) == Style(foreground: .blue))
        #expect(degrade(Style(foreground: .cube(red: 0, green: 4, blue: 0)), to: eight) == Style(foreground: .green))
        #expect(degrade(Style(background: .grey(23)), to: eight) == Style(background: .white))
        #expect(degrade(Style(background: .grey(0)), to: eight) == Style(background: .black))
        #expect(degrade(Style(foreground: .yellow, attributes: .bold), to: eight) == Style(foreground: .yellow, attributes: .bold))
    }

    @Test func textNeverVanishesIntoItsBackground() {
        #expect(degrade(Style(foreground: .indexed(196), background: .red), to: eight) == Style(foreground: .white, background: .red))
        #expect(degrade(Style(foreground: .grey(22), background: .white), to: eight) == Style(foreground: .black, background: .white))
    }

    @Test func noColourKeepsAttributesAndReversesBackgrounds() {
        #expect(degrade(Style(foreground: .red, attributes: .bold), to: none) == Style(attributes: .bold))
        #expect(degrade(Style(foreground: .black, background: .yellow), to: none) == Style(attributes: .reverse))
        #expect(degrade(Style(background: .blue, attributes: .reverse), to: none) == Style(attributes: .reverse))
    }

    @Test func colourLevelHonoursNoColor() {
        #expect(TerminalCapabilities.colorLevel(reported: 256, environment: [:]) == 256)
        #expect(TerminalCapabilities.colorLevel(reported: 16_777_216, environment: [:]) == 256)
        #expect(TerminalCapabilities.colorLevel(reported: 88, environment: [:]) == 8)
        #expect(TerminalCapabilities.colorLevel(reported: 2, environment: [:]) == 0)
        #expect(TerminalCapabilities.colorLevel(reported: 256, environment: ["NO_COLOR": "1"]) == 0)
        #expect(TerminalCapabilities.colorLevel(reported: 256, environment: ["NO_COLOR": "0"]) == 0)
        #expect(TerminalCapabilities.colorLevel(reported: 256, environment: ["NO_COLOR": ""]) == 256)
    }
}
