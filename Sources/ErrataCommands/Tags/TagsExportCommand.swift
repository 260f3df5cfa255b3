import ArgumentParser
import Foundation
import Typology

/// `errata tags export`: every tag as one JSON line, for review, merging and other tools.
struct TagsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every tag as JSON Lines (one tag per line; see docs/tagging.md).")

    @OptionGroup var store: TagStoreOptions

    @Option(name: .customLong("to"), help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var destination: String?

    func run() async throws {
        let (_, tags) = try store.open()
        let lines = try tags.exportLines()
        if let destination {
            try Data(lines.utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } else {
            ReportWriter.write(lines)
        }
    }
}
