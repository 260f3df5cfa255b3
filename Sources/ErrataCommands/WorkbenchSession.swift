import Attribution
import ErrataCore
import Foundation
import NcursesTerminal
import Typology
import Workbench

/// The full-screen session across datasets: the start screen, the loading screen, the
/// workbench, and again on `:open`, all on one terminal.
struct WorkbenchSession {
    let annotator: String

    /// Opens the terminal; without one, says which commands work without.
    static func terminal() throws -> NcursesBackend {
        do {
            return try NcursesBackend()
        } catch let error as TerminalUnavailable {
            throw AnalysisError("\(error); for output without a terminal use errata summary, compare or slice")
        }
    }

    /// Runs from `first` (nil: the start screen) until the user quits. A dataset named on
    /// the command line that fails to load ends the session with its error, printed after the
    /// terminal is restored; one opened from the start screen or with `:open` returns to the
    /// start screen with the error on its status line. The cautions about the last dataset
    /// shown (skipped lines, missing outputs) are printed once the terminal is restored.
    func run(first: DatasetOptions?, backend: NcursesBackend) throws {
        var next = first
        var fromCommandLine = first != nil
        var message: String?
        var shown: Analysis?
        defer {
            backend.shutdown()
            if let shown { DatasetOptions.reportCautions(shown.dataset, path: shown.dataset.source) }
        }
        while true {
            let options: DatasetOptions
            if let next {
                options = next
            } else {
                let bundled = DatasetCatalog.bundled()
                let screen = StartScreen(bundled: bundled, recent: RecentDatasets.entries(excluding: bundled), message: message)
                guard let path = WorkbenchApp.choose(screen, backend: backend, details: DatasetCatalog.counted) else { return }
                options = try DatasetOptions.parse(["--", path])
            }
            next = nil
            message = nil
            do {
                guard let (analysis, exit) = try open(options, backend: backend) else {
                    // Loading cancelled: back where the user came from.
                    if fromCommandLine { return }
                    continue
                }
                shown = analysis
                switch exit {
                case .quit: return
                case .open(let target): next = try target.map { try DatasetOptions.parse(["--", $0]) }
                }
            } catch {
                guard !fromCommandLine else { throw error }
                message = "\(DatasetLocator.resolve(options.dataset)): \(error)"
            }
            fromCommandLine = false
        }
    }

    /// Loads `options` under the loading screen and runs the workbench on it; nil when the
    /// load was cancelled.
    private func open(_ options: DatasetOptions, backend: NcursesBackend) throws -> (Analysis, WorkbenchApp.Exit)? {
        let path = DatasetLocator.resolve(options.dataset)
        guard let analysis = try WorkbenchApp.load(title: path, backend: backend, work: { progress in
            try options.load(progress: progress, reportSkipped: false, readingTags: false)
        }) else { return nil }
        RecentDatasets.add(path)
        // The models the manifest declares (none: nothing to explain). A wrong declaration is
        // the user's to fix.
        let explainer = try EngineExplainer(datasetPath: path, name: analysis.dataset.name, systems: analysis.dataset.systems.map(\.name))
        // The workbench's status line says when the encoder is being fetched; a bar on
        // standard error would draw over the screen.
        ModelStore.showsProgress(false)
        defer { ModelStore.showsProgress(true) }
        let exit = WorkbenchApp.run(analysis: analysis, backend: backend, annotator: annotator,
                                    explainer: explainer.explainableSystems().isEmpty ? nil : explainer)
        return (analysis, exit)
    }
}
