import ArgumentParser
import ErrataCore
import Foundation
import NcursesTerminal
import Workbench

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

    func run() async throws {
        let analysis = try data.load()
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend()
        } catch let error as TerminalUnavailable {
            throw AnalysisError("\(error); for output without a terminal use errata summary, compare or slice")
        }
        WorkbenchApp.run(analysis: analysis, backend: backend)
    }
}
