import ArgumentParser
import ErrataCore
import Foundation

/// The `errata` command: subcommands for headless use; with none, the demo's summary.
public struct ErrataCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "A terminal workbench for error analysis of machine learning models.",
        discussion: "With no subcommand, prints the summary of the bundled demo (WMT17 English-German, chrF per system).",
        subcommands: [SummaryCommand.self, CompareCommand.self, SliceCommand.self, SlicesCommand.self,
                      HistogramCommand.self, ValidateCommand.self, TerminalCommand.self])

    public init() {}

    public func run() async throws {
        let demo = try SummaryCommand.parse([DatasetLocator.demoName, "--resamples", "200"])
        try await demo.run()
        ReportWriter.write("\nTry: errata compare \(DatasetLocator.demoName) --systems online-B,uedin-nmt --by 'length(reference) > 30'\n     errata --help\n")
    }

    /// Runs the command line and exits with errata's codes: 0 ok, 1 bad input, 2 usage.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
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
