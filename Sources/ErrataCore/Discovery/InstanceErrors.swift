/// How a system's per-instance error is measured for slice discovery.
public enum ErrorMeasure: Sendable, Equatable {
    /// The metric's own per-instance value: 1 - correct for accuracy and exact match,
    /// 1 - score / 100 for chrF, chrF++ and BLEU, TER / 100 for TER, and a lower-is-better
    /// numeric column (MQM's `mqm`) as it is, as `.column` takes it.
    case metric(String?)
    /// 1 where the sentence score of the metric is worse than the threshold (below it; above
    /// it for TER), else 0.
    case below(metric: String?, threshold: Double)
    /// A lower-is-better numeric column (an MQM-like score), as it is.
    case column(String)
}

extension Analysis {
    /// The error of `system` on each row (NaN where it has none: no output, no score). With
    /// `versus`, how much worse `system` does than `versus` on the row: `max(0, e_system -
    /// e_versus)`, so the search finds where `system` loses (see docs/decisions.md).
    public func instanceErrors(system: String, versus: String? = nil, measure: ErrorMeasure) throws -> [Double] {
        let own = try instanceErrors(system: system, measure: measure)
        guard let versus else { return own }
        let other = try instanceErrors(system: versus, measure: measure)
        return zip(own, other).map { a, b in a.isNaN || b.isNaN ? .nan : max(0, a - b) }
    }

    private func instanceErrors(system: String, measure: ErrorMeasure) throws -> [Double] {
        switch measure {
        case .column(let name):
            let outputs = try requireSystem(system)
            guard let column = (outputs.columns + dataset.metadata).first(where: { $0.name == name }) else {
                throw AnalysisError("no numeric column '\(name)' for the error (columns: \((outputs.columns + dataset.metadata).map(\.name).joined(separator: ", ")))")
            }
            guard case .numeric(let values) = column.storage else { throw AnalysisError("the error column '\(name)' is not numeric") }
            if let negative = values.first(where: { $0 < 0 }) {
                throw AnalysisError("the error column '\(name)' has a negative value (\(formatNumber(negative))); errors must be 0 or more")
            }
            return (0 ..< dataset.count).map { outputs.hasOutput($0) ? values[$0] : .nan }
        case .metric(let name):
            let metric = try self.metric(named: name)
            let scores = try instanceScores(metric: metric.name, system: system)
            switch metric.name {
            case "accuracy", "macro_f1", "micro_f1", "exact_match": return scores.map { 1 - $0 }
            case "ter": return scores.map { $0 / 100 }
            case "chrf", "chrf++", "bleu": return scores.map { max(0, 1 - $0 / 100) }
            // Error points need no conversion: MQM datasets search their default metric as it is.
            case _ where !metric.higherIsBetter: return try instanceErrors(system: system, measure: .column(metric.name))
            default:
                throw AnalysisError("'\(metric.name)' is not an error measure: use --error-column \(metric.name) for a lower-is-better score, or --below T for a higher-is-better one")
            }
        case .below(let name, let threshold):
            let metric = try self.metric(named: name)
            return try instanceScores(metric: metric.name, system: system).map { score in
                score.isNaN ? .nan : ((metric.higherIsBetter ? score < threshold : score > threshold) ? 1 : 0)
            }
        }
    }
}
