import ArgumentParser
import Typology

/// `errata open`: the full-screen workbench on a dataset.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a dataset in the full-screen workbench (press ? inside for help).",
        discussion: """
            Browse instances, slice them with the slice language, and compare systems per slice. \
            Needs a terminal with cursor addressing (not TERM=dumb); NO_COLOR turns colour off. \
            See docs/user-guide.md.
            """)

    @OptionGroup var data: DatasetOptions

    @Option(help: "Who the tags made in this session belong to (default: $ERRATA_ANNOTATOR, else $USER).")
    var annotator: String?

    /// Opens the terminal first and loads with a progress bar, so a large file shows a screen
    /// at once; a load error is printed after the terminal is restored. `:open` inside
    /// switches to another dataset on the same terminal (`WorkbenchSession`).
    func run() async throws {
        let backend = try WorkbenchSession.terminal()
        try WorkbenchSession(annotator: Annotator.name(option: annotator)).run(first: data, backend: backend)
    }
}
