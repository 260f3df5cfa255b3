import ErrataCommands

await ErrataCommand.main()
