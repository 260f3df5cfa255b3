import ArgumentParser
import BitCollections
import ErrataCore

/// `--where EXPR`: the instances a command works on.
struct FilterOption: ParsableArguments {
    @Option(name: .customLong("where"), help: ArgumentHelp("Only instances matching a slice expression, e.g. 'genre == \"horror\" and length(input) > 20' (all when absent).", valueName: "expression"))
    var expression: String?

    /// The matching rows (all rows without `--where`).
    func rows(_ analysis: Analysis) throws -> BitSet {
        try expression.map { try analysis.evaluator.rows(where: $0) } ?? BitSet.all(analysis.dataset.count)
    }
}

/// Which slices a report covers.
struct SliceOptions: ParsableArguments {
    @OptionGroup var filter: FilterOption

    @Option(help: ArgumentHelp("One slice per value of a column or expression (numbers are binned), e.g. --by genre.", valueName: "expression"))
    var by: [String] = []

    @Option(name: .customLong("slice"), help: ArgumentHelp("A saved slice by name (repeatable).", valueName: "name"))
    var savedNames: [String] = []

    @Flag(help: "Add every saved slice as a row.")
    var saved = false

    /// "All instances" (or the --where filter), then saved slices, then the groups of each --by.
    func slices(_ analysis: Analysis) throws -> [NamedSlice] {
        let base = try filter.rows(analysis)
        var slices = [NamedSlice(name: filter.expression ?? NamedSlice.allName, rows: base)]
        let store = try SavedSlices.load(for: analysis.dataset)
        let wanted = saved ? store.slices : try savedNames.map { name in
            guard let entry = store.slices.first(where: { $0.name == name }) else {
                throw AnalysisError("no saved slice '\(name)' (saved: \(store.slices.map(\.name).joined(separator: ", ")))")
            }
            return entry
        }
        for entry in wanted {
            let rows = try SavedSlices.rows(of: entry, in: analysis).intersection(base)
            slices.append(NamedSlice(name: entry.folder.isEmpty ? entry.name : "\(entry.folder)/\(entry.name)", rows: rows))
        }
        for expression in by {
            slices += try analysis.groups(by: expression, within: base)
        }
        return slices
    }
}

/// Metric, bootstrap and output format options.
struct ReportOptions: ParsableArguments {
    @Option(help: "The metric (default: the dataset's; accuracy, macro_f1, micro_f1, chrf, chrf++, bleu, ter, exact_match, or a numeric column).")
    var metric: String?

    @Option(help: "Bootstrap resamples for confidence intervals, and random assignments of the randomization test (at least 40).")
    var resamples = 1000

    @Option(help: "Random seed of the bootstrap (results are reproducible).")
    var seed: UInt64 = defaultBootstrapSeed

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    var bootstrap: BootstrapSettings { BootstrapSettings(resamples: resamples, seed: seed) }

    func validate() throws {
        let minimum = minimumResamples()
        guard resamples >= minimum else {
            throw ValidationError("--resamples \(resamples): a 95% interval needs at least \(minimum) resamples, so that each tail holds one beyond the interval's end")
        }
    }
}

/// Parses `--systems a,b,c`.
func systemList(_ text: String?) -> [String]? {
    text.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
}
