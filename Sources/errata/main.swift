import ErrataCommands

await ErrataCommand.runMain()
