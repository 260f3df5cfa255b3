import ArgumentParser
import ErrataCore
import Foundation
import Typology

/// `errata tags import`: adds the tags of a JSON Lines file, all or nothing.
struct TagsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the tags of a JSON Lines file (as export writes); a malformed line imports nothing.",
        discussion: "Tags already in the store are skipped, so importing twice, or merging two annotators' exports, is safe.")

    @OptionGroup var store: TagStoreOptions

    @Argument(help: ArgumentHelp("The JSON Lines file.", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var file: String

    func run() async throws {
        let (analysis, tags) = try store.open()
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AnalysisError("\(file): cannot read the file")
        }
        if let bad = firstInvalidUTF8(in: Array(data)) {
            throw TagFileError(file: file, line: bad.line,
                               message: "column \(bad.column): invalid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))): save the file as UTF-8")
        }
        let text = String(decoding: data, as: UTF8.self)
        let added = try tags.importLines(text, file: file) { TagLineCheck.problem($0, in: analysis.dataset) }
        ReportWriter.write("imported \(added) tag\(added == 1 ? "" : "s") into \(TagStore.path(for: analysis.dataset))\n")
    }
}
