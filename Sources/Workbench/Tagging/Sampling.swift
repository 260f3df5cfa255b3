import ErrataCore
import Typology

/// `:sample N [by COLUMN] [seed S] [as NAME]`: a seeded sample of the current filter's
/// instances (filter to the errors first, e.g. `:slice not correct(bert)`), stratified by a
/// column's values when asked, judged on the first shown system; saved in the store and made
/// the active queue. The same filter, N, column and seed draw the same queue on any machine.
func sampleQueue(_ state: inout AppState, _ words: [String]) -> [Effect] {
    func fail(_ text: String) -> [Effect] {
        state.message = .init(text: text, isError: true)
        return []
    }
    let usage = "usage: :sample N [by COLUMN] [seed S] [as NAME]"
    guard let count = words.first.flatMap({ Int($0) }), count > 0 else { return fail(usage) }
    var column: String?
    var seed: UInt64 = 1
    var name: String?
    var rest = words.dropFirst()
    while let word = rest.popFirst() {
        guard let value = rest.popFirst() else { return fail(usage) }
        switch word {
        case "by": column = value
        case "seed":
            guard let number = UInt64(value) else { return fail("seed must be a whole number ≥ 0, not '\(value)'") }
            seed = number
        case "as": name = value
        default: return fail(usage)
        }
    }
    let dataset = state.analysis.dataset
    // Dataset order, not the table's sort: the sample depends on the slice and seed only.
    let rows = state.rows.sorted()
    guard !rows.isEmpty else { return fail("no instances to sample: the filter selects none") }
    var strata: WorkQueue.Stratification?
    if let column {
        guard let values = dataset.column(named: column) else {
            return fail("no column '\(column)' (columns: \(dataset.metadata.map(\.name).joined(separator: ", ")))")
        }
        strata = .init(column: column, labels: rows.map { values.displayValue($0) })
    }
    let system = state.systems.first
    let queue = WorkQueue.sample(name: name ?? "sample-\(count)-seed-\(seed)", from: rows.map { .init(instance: dataset.ids[$0], system: system) },
                                 count: count, seed: seed, filter: state.filter, strata: strata)
    state.message = .init(text: "saving work queue \(queue.name) (\(queue.items.count) instances)…", isError: false)
    return [.tagging(.saveQueue(queue))]
}
