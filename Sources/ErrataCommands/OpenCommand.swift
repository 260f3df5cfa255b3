import ArgumentParser
import Attribution
import ErrataCore
import Foundation
import NcursesTerminal
import Typology
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

    @Option(help: "Who the tags made in this session belong to (default: $ERRATA_ANNOTATOR, else $USER).")
    var annotator: String?

    /// Opens the terminal first and loads with a progress bar, so a large file shows a screen
    /// at once; a load error is printed after the terminal is restored.
    func run() async throws {
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend()
        } catch let error as TerminalUnavailable {
            throw AnalysisError("\(error); for output without a terminal use errata summary, compare or slice")
        }
        let data = self.data
        let analysis: Analysis?
        do {
            analysis = try WorkbenchApp.load(title: DatasetLocator.resolve(data.dataset), backend: backend) { progress in
                try data.load(progress: progress, reportSkipped: false, readingTags: false)
            }
        } catch {
            backend.shutdown()
            throw error
        }
        guard let analysis else {
            backend.shutdown()
            return
        }
        // The models the manifest declares (none: nothing to explain). A wrong declaration is
        // the user's to fix: said after the terminal is restored.
        let explainer: EngineExplainer
        do {
            explainer = try EngineExplainer(datasetPath: DatasetLocator.resolve(data.dataset), name: analysis.dataset.name,
                                            systems: analysis.dataset.systems.map(\.name))
        } catch {
            backend.shutdown()
            throw error
        }
        // The workbench's status line says when the encoder is being fetched; a bar on
        // standard error would draw over the screen.
        ModelStore.showsProgress(false)
        WorkbenchApp.run(analysis: analysis, backend: backend, annotator: Annotator.name(option: annotator),
                         explainer: explainer.explainableSystems().isEmpty ? nil : explainer)
        ModelStore.showsProgress(true)
        DatasetOptions.reportCautions(analysis.dataset, path: analysis.dataset.source)
    }
}
