import BitCollections

/// The instances of a slice with their inputs, label, outputs and per-instance metric.
public struct InstanceListing: Sendable, Codable {
    public struct Instance: Sendable, Codable {
        public var id: String
        public var inputs: [String: String]
        public var label: String?
        public var outputs: [String: String]
        public var scores: [String: Double?]
        public var metadata: [String: String]
    }

    public var filter: String?
    public var metric: String?
    /// Instances matching in all (the listing may show fewer: see `limit`).
    public var count: Int
    public var instances: [Instance]
}

extension Analysis {
    /// `systems` limits the outputs and scores to those systems (all when nil).
    public func listing(rows: BitSet, filter: String?, metric: String?, limit: Int?, systems chosen: [String]? = nil) throws -> InstanceListing {
        let shown = try chosen.map { try $0.map { try requireSystem($0) } } ?? dataset.systems
        let systems = shown.map(\.name)
        let metricName = systems.isEmpty ? nil : try self.metric(named: metric).name
        let scores = try metricName.map { m in try systems.map { try instanceScores(metric: m, system: $0) } } ?? []
        var instances: [InstanceListing.Instance] = []
        for row in rows.prefix(limit ?? Int.max) {
            var outputs: [String: String] = [:], values: [String: Double?] = [:]
            for (k, system) in shown.enumerated() where system.hasOutput(row) {
                outputs[system.name] = system.output[row]
                if metricName != nil { values[system.name] = scores[k][row].finiteOrNil }
            }
            instances.append(.init(
                id: dataset.ids[row],
                inputs: Dictionary(uniqueKeysWithValues: dataset.inputs.map { ($0.name, $0.displayValue(row)) }),
                label: dataset.label?.displayValue(row), outputs: outputs, scores: values,
                metadata: Dictionary(uniqueKeysWithValues: dataset.metadata.map { ($0.name, $0.displayValue(row)) })))
        }
        return InstanceListing(filter: filter, metric: metricName, count: rows.count, instances: instances)
    }
}
