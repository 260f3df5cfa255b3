import ArgumentParser
import Attribution
import ErrataCore
import Foundation
import Typology

/// The `errata` command: subcommands for headless use; with none, the workbench on the demo.
public struct ErrataCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "A terminal workbench for error analysis of machine learning models.",
        discussion: "With no subcommand: in a terminal, opens a start screen listing the bundled datasets and recent files (the workbench on the WMT17 English-German demo when it is the only one bundled); otherwise prints the demo's summary (chrF per system).",
        subcommands: [OpenCommand.self, SummaryCommand.self, CompareCommand.self, SliceCommand.self, SlicesCommand.self,
                      HistogramCommand.self, MetaevalCommand.self, ValidateCommand.self, AttributeCommand.self, PredictCommand.self, TrainCommand.self,
                      TerminalCommand.self, TagsCommand.self, DiscoverCommand.self, CounterfactualsCommand.self, RankCommand.self])

    public init() {}

    /// In a terminal, the start screen listing the bundled datasets (the workbench on the demo
    /// when only one is bundled); otherwise (a pipe, a file, CI) the demo's summary.
    public func run() async throws {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"].map({ !$0.isEmpty && $0 != "dumb" }) ?? false {
            guard DatasetCatalog.bundled().count > 1 else {
                let workbench = try OpenCommand.parse([DatasetLocator.demoName])
                try await workbench.run()
                return
            }
            let backend = try WorkbenchSession.terminal()
            try WorkbenchSession(annotator: Annotator.name(option: nil)).run(first: nil, backend: backend)
            return
        }
        // The summary's own defaults, so the same seed prints the same intervals as `errata summary`.
        let demo = try SummaryCommand.parse([DatasetLocator.demoName])
        try await demo.run()
        ReportWriter.write("\nTry: errata open \(DatasetLocator.demoName)   (the workbench, in a terminal)\n     errata compare \(DatasetLocator.demoName) --systems online-B,uedin-nmt --by 'length(reference) > 30'\n     errata --help\n")
    }

    /// Runs the command line and exits with errata's codes: 0 ok, 1 bad input, 2 usage.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        do {
            var command = try parseAsRoot(ExpressionArguments.joined(arguments))
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let error as LoadError {
            fail("\(error)")
        } catch let error as SliceError {
            fail("invalid slice expression at \(error)")
        } catch let error as AnalysisError {
            fail("\(error)")
        } catch let error as UnknownMetric {
            fail("\(error)")
        } catch let error as TypologyError {
            fail("\(error)")
        } catch let error as TagFileError {
            fail("\(error)")
        } catch let error as ExplanationError {
            fail("\(error)")
        } catch let error as AttributionError {
            fail("\(error)")
        } catch let error as TagStoreError {
            fail("\(error)")
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                ReportWriter.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            ReportWriter.writeError(fullMessage(for: error) + "\n")
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    private static func fail(_ message: String) -> Never {
        ReportWriter.writeError("errata: error: \(message)\n")
        Foundation.exit(1)
    }
}
