import ArgumentParser
import ErrataCore
import Typology

/// `errata tags agreement`: whether annotators who tagged the same units agree, per category,
/// and the units they disagree on, to adjudicate.
struct TagsAgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Per category: Cohen's kappa (two annotators) or Krippendorff's alpha (more) over the units several annotators tagged, span agreement (character-overlap F1) per pair; and the disagreements.",
        discussion: "See docs/tagging.md for how units, judgements and span overlap are counted. CSV has the instance-level rows; JSON has everything.")

    @OptionGroup var store: TagStoreOptions
    @OptionGroup var who: AnnotatorOptions

    @Flag(help: "List every unit the annotators disagree on (the adjudication queue) after the table.")
    var disagreements = false

    @Option(help: "table, json or csv (csv: the per-category rows).")
    var format: ReportFormat = .table

    func run() async throws {
        let (analysis, tagStore) = try store.open()
        let (tags, experts) = try who.tags(try tagStore.tags().map(\.tag), dataset: analysis.dataset)
        let agreement = Agreement(tags: tags, typology: try tagStore.typology(), references: experts)
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
                return "no unit was tagged by two or more annotators yet: nothing to compare\n" + spanTable(agreement.spans)
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
                        let spans = annotation.spans.map { "\($0.span.start):\($0.span.end) \($0.categories.joined(separator: ", "))" }
                        text += "  \(annotation.annotator): \(annotation.categories.joined(separator: ", "))"
                            + (spans.isEmpty ? "" : " · spans \(spans.joined(separator: "; "))") + "\n"
                    }
                }
            }
            return text + spanTable(agreement.spans)
        }
    }

    /// Per pair, the overall row and the categories either annotator marked characters of.
    static func spanTable(_ pairs: [SpanAgreement]) -> String {
        guard !pairs.isEmpty else { return "" }
        var text = "\nspan agreement · characters of A's and B's spans (A the reference) · P: share of B's inside A's · R: share of A's inside B's\n"
        let compared = pairs.filter { $0.units > 0 }
        for pair in pairs where pair.units == 0 { text += "\(pair.a) · \(pair.b): no output judged by both\n" }
        guard !compared.isEmpty else { return text }
        func cells(_ category: String, _ c: SpanAgreement.Counts) -> [String] {
            [category, String(c.aCharacters), String(c.bCharacters), String(c.overlap),
             spanNumber(c.precision), spanNumber(c.recall), spanNumber(c.f1)]
        }
        let rows = compared.flatMap { pair in
            [[pair.a, pair.b, String(pair.units)] + cells("(all categories)", pair.overall)]
                + pair.categories.filter { $0.counts.aCharacters + $0.counts.bCharacters > 0 }.map { ["", "", ""] + cells($0.category, $0.counts) }
        }
        return text + ReportWriter.table(header: ["A", "B", "units", "category", "A chars", "B chars", "both", "P", "R", "F1"], rows: rows,
                                         rightAligned: [2, 4, 5, 6, 7, 8, 9], maxWidth: 40)
    }

    /// Three decimals; "—" when undefined (nothing marked on the side it divides by).
    private static func spanNumber(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "—" }
}
