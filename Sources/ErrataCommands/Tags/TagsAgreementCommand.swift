import ArgumentParser
import ErrataCore
import Typology

/// `errata tags agreement`: whether annotators who tagged the same units agree, per category,
/// and the units they disagree on, to adjudicate.
struct TagsAgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Per category: Cohen's kappa (two annotators) or Krippendorff's alpha (more) over the units several annotators tagged; and the disagreements.",
        discussion: "See docs/tagging.md for how units and judgements are counted.")

    @OptionGroup var store: TagStoreOptions

    @Flag(help: "List every unit the annotators disagree on (the adjudication queue) after the table.")
    var disagreements = false

    @Option(help: "table, json or csv (csv: the per-category rows).")
    var format: ReportFormat = .table

    func run() async throws {
        let (_, tags) = try store.open()
        let agreement = Agreement(tags: try tags.tags().map(\.tag), typology: try tags.typology())
        ReportWriter.write(try Self.render(agreement, format, listDisagreements: disagreements))
    }

    static func render(_ agreement: Agreement, _ format: ReportFormat, listDisagreements: Bool) throws -> String {
        switch format {
        case .json:
            return try ReportWriter.json(agreement)
        case .csv:
            return ReportWriter.csv(header: ["category", "method", "value", "observed", "units", "reason"], rows: agreement.rows.map {
                [$0.category, agreement.method?.rawValue ?? "", ReportWriter.number($0.value, digits: 6),
                 ReportWriter.number($0.observed, digits: 6), String(agreement.units), $0.reason ?? ""]
            })
        case .table:
            guard let method = agreement.method else {
                return "no unit was tagged by two or more annotators yet: nothing to compare\n"
            }
            let name = method == .cohenKappa ? "kappa" : "alpha"
            var text = "\(agreement.units) units tagged by \(agreement.annotators.joined(separator: ", ")) · "
                + "\(method == .cohenKappa ? "Cohen's kappa" : "Krippendorff's alpha (nominal)") per category\n"
            text += ReportWriter.table(header: ["category", name, "observed agreement", "note"], rows: agreement.rows.map {
                [$0.category, ReportWriter.number($0.value, digits: 3), ReportWriter.number($0.observed, digits: 3), $0.reason ?? ""]
            }, rightAligned: [1, 2], maxWidth: 60)
            text += "\(agreement.disagreements.count) unit(s) with different categories"
                + (listDisagreements || agreement.disagreements.isEmpty ? "\n" : " (list them with --disagreements)\n")
            if listDisagreements {
                for unit in agreement.disagreements {
                    text += "\n\(unit.instance)" + (unit.system.map { " · \($0)" } ?? "") + "\n"
                    for annotation in unit.annotations {
                        text += "  \(annotation.annotator): \(annotation.categories.joined(separator: ", "))\n"
                    }
                }
            }
            return text
        }
    }
}
