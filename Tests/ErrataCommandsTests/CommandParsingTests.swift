import Testing
@testable import ErrataCommands

@Suite struct CommandParsingTests {
    @Test func rootCommandIsNamedErrata() {
        #expect(ErrataCommand.configuration.commandName == "errata")
    }
}
