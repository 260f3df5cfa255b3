import ArgumentParser

/// `errata tags`: the annotations of a dataset, headless (the workbench tags interactively).
struct TagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Error tags: tallies per slice, agreement, the typology, and JSON Lines export and import.",
        discussion: "Tags live in .errata/<dataset>/tags.sqlite beside the data. See docs/tagging.md.",
        subcommands: [TagsStatsCommand.self, TagsAgreementCommand.self, TagsTypologyCommand.self,
                      TagsExportCommand.self, TagsImportCommand.self, TagsAddCommand.self])
}
