import ArgumentParser
import ErrataCore
import Foundation

/// `errata counterfactuals`: the what-if edits kept in the workbench, as the flip rate of each
/// slice with its Wilson interval, or exported one JSON object a line.
struct CounterfactualsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counterfactuals",
        abstract: "The what-if edits kept in the workbench: flip rate per slice, or an export as JSON Lines.",
        discussion: "Edits are kept with e in the workbench's instance view (docs/user-guide.md), in .errata/<dataset>/counterfactuals.jsonl.")

    @OptionGroup var data: DatasetOptions
    @OptionGroup var slicing: SliceOptions

    @Option(help: "Only the edits of this system.")
    var system: String?

    @Option(help: "table, json or csv (flip rates per slice), or jsonl (every edit: parent id, system, original and edited text, predictions before and after).")
    var format: CounterfactualFormat = .table

    enum CounterfactualFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, jsonl }

    struct Report: Encodable {
        var rows: [FlipRate]
    }

    func run() async throws {
        let analysis = try data.load()
        let kept = try Counterfactuals.load(for: analysis.dataset).filter { system == nil || $0.system == system }
        if format == .jsonl {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            ReportWriter.write(try kept.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined())
            return
        }
        let rates = FlipRate.rates(kept, slices: try slicing.slices(analysis), dataset: analysis.dataset, system: system)
        switch format {
        case .json: ReportWriter.write(try ReportWriter.json(Report(rows: rates)))
        case .csv:
            ReportWriter.write(ReportWriter.csv(header: ["slice", "counterfactuals", "flipped", "rate", "ci_low", "ci_high"], rows: rates.map {
                [$0.slice, String($0.counterfactuals), String($0.flipped), ReportWriter.number($0.rate), ReportWriter.number($0.ciLow), ReportWriter.number($0.ciHigh)]
            }))
        default:
            let rows = rates.map { rate in
                [rate.slice, String(rate.counterfactuals), String(rate.flipped), ReportWriter.cell(rate.rate),
                 rate.ciLow.map { "[\(ReportWriter.number($0)), \(ReportWriter.number(rate.ciHigh))]" } ?? ReportWriter.undefined]
            }
            ReportWriter.write(ReportWriter.table(header: ["slice", "edits", "flipped", "flip rate", "95% Wilson"], rows: rows, rightAligned: [1, 2, 3])
                + "\(kept.count) edits kept in \(Counterfactuals.path(for: analysis.dataset))\n")
        }
    }
}
