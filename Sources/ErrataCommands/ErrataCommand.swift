import ArgumentParser

/// The `errata` command: subcommands for headless use; no arguments opens the demo.
public struct ErrataCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "A terminal workbench for error analysis of machine learning models.",
        subcommands: []
    )

    public init() {}

    public func run() async throws {}
}
