/// Gold labels and outputs a dataset lacks: empty cells, JSON nulls, instances a long-layout
/// system has no row for.
///
/// Such instances are left out of every count and metric (`Analysis.rows`), not scored as
/// wrong and not counted in `n`; so that a gap never passes unseen, `errata validate` lists
/// these counts and the other commands print `notes` on standard error.
public struct MissingValues: Sendable, Codable, Equatable {
    /// Instances whose gold class is missing (classification).
    public var labels: Int
    /// Per system with any gap, the instances it has no output for.
    public var outputs: [String: Int]

    public var isEmpty: Bool { labels == 0 && outputs.isEmpty }

    /// One sentence per gap, for standard error and `validate`.
    public var notes: [String] {
        var notes: [String] = []
        if labels > 0 {
            notes.append("\(labels) instance\(labels == 1 ? " has" : "s have") no gold label (an empty or null cell): left out of every count and metric")
        }
        for (system, count) in outputs.sorted(by: { $0.key < $1.key }) {
            notes.append("system '\(system)' has no output for \(count) instance\(count == 1 ? "" : "s"): left out of its counts and metrics")
        }
        return notes
    }
}

extension Dataset {
    public var missing: MissingValues {
        var labels = 0
        if case .categorical(let gold)? = label?.storage { labels = gold.codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }
        var outputs: [String: Int] = [:]
        for system in systems {
            if let present = system.present, present.count < count { outputs[system.name] = count - present.count }
        }
        return MissingValues(labels: labels, outputs: outputs)
    }
}
