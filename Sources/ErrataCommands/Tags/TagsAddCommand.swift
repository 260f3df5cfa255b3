import ArgumentParser
import ErrataCore
import Foundation
import Typology

/// `errata tags add`: tags from scripts. Each tag is committed before `saved` is printed, so a
/// caller that reads the acknowledgements knows exactly what is on disk, whenever it stops.
struct TagsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one tag, or (with --stdin) one tag per JSON line read, acknowledging each after it is committed.")

    @OptionGroup var store: TagStoreOptions

    @Option(help: "The instance's id.")
    var instance: String?

    @Option(help: "The system whose output is wrong (none: the instance's own error, e.g. label noise).")
    var system: String?

    @Option(help: ArgumentHelp("Where in the system's output the error is: character offsets (Unicode scalars) START:END, end excluded.", valueName: "start:end"))
    var span: String?

    @Option(help: ArgumentHelp("A category path, e.g. Accuracy/Omission (repeat for several; unknown ones are created).", valueName: "path"))
    var category: [String] = []

    @Option(help: "A severity of the typology, e.g. major.")
    var severity: String?

    @Option(help: "A free-text note.")
    var note = ""

    @Flag(help: "Read tags as JSON Lines from standard input (the export shape) and print 'saved ID' after committing each.")
    var stdin = false

    func validate() throws {
        if stdin {
            guard instance == nil, category.isEmpty, span == nil else { throw ValidationError("--stdin reads whole tags; leave out --instance, --category and --span") }
        } else {
            guard instance != nil else { throw ValidationError("--instance is required (or --stdin)") }
            guard !category.isEmpty else { throw ValidationError("give at least one --category") }
            if let span { _ = try Self.span(span) }
        }
    }

    func run() async throws {
        let (analysis, tags) = try store.open()
        let dataset = analysis.dataset
        if stdin {
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                for tag in try Tag.parseLines(line, file: "<stdin>", firstLine: number, check: { TagLineCheck.problem($0, in: dataset) }) {
                    ReportWriter.write("saved \(try tags.add(tag).id)\n")
                }
            }
            return
        }
        let paths = try category.map { text in
            guard let path = CategoryPath(text) else { throw ValidationError("--category '\(text)': not a category path (\(CategoryPath.syntax))") }
            return path
        }
        let tag = Tag(instance: instance ?? "", system: system, span: try span.map(Self.span), categories: paths, severity: severity, note: note,
                      annotator: store.annotatorName, time: Tag.time())
        if let problem = TagLineCheck.problem(tag, in: dataset) { throw AnalysisError(problem) }
        let stored = try tags.add(tag)
        ReportWriter.write("saved \(stored.id)\n")
    }

    /// `START:END` as a span: whole numbers, 0 ≤ START ≤ END.
    static func span(_ text: String) throws -> TextSpan {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), 0 <= start, start <= end else {
            throw ValidationError("--span '\(text)': expected START:END, whole numbers with 0 ≤ START ≤ END (e.g. 12:19)")
        }
        return TextSpan(start: start, end: end)
    }
}
