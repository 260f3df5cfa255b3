import ArgumentParser

/// `errata-bench`: generates synthetic datasets and measures errata's engine on them.
@main
struct ErrataBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata-bench",
        abstract: "Synthetic datasets and performance measurements for errata.",
        subcommands: [GenerateCommand.self, RunCommand.self, OnceCommand.self, LatencyCommand.self, DetailLatencyCommand.self, RankBenchCommand.self]
    )
}
