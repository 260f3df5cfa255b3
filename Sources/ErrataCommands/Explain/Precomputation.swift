import ErrataCore
import Foundation

/// `errata attribute --all`: explains many instances into the cache, with a progress bar and
/// an estimate of the time left on standard error. Each result is cached as soon as it is
/// computed, so a run stopped with Ctrl-C resumes where it stopped: instances already cached
/// are skipped and counted.
struct Precomputation {
    let engine: EngineExplainer
    /// Also compute each explanation's faithfulness (reported as means in the summary).
    let faithfulness: Bool

    /// What a run did, in the shape `--format json` prints.
    struct Summary: Encodable {
        var system: String
        var method: String
        var instances: Int
        var computed: Int
        var cached: Int
        var seconds: Double
        /// Instances computed (not read from the cache) per second; null when none was computed.
        @ExplicitNull var sentencesPerSecond: Double? = nil
        /// Means over the instances, with `--faithfulness`; null otherwise.
        @ExplicitNull var aopcComprehensiveness: Double? = nil
        @ExplicitNull var aopcSufficiency: Double? = nil
        /// With `--precision bf16`: the mean and largest |f(x) in bf16 − f(x) in float32|
        /// over the instances; null in float32.
        @ExplicitNull var precisionErrorMean: Double? = nil
        @ExplicitNull var precisionErrorMax: Double? = nil

        enum CodingKeys: String, CodingKey {
            case system, method, instances, computed, cached, seconds
            case sentencesPerSecond = "sentences_per_second"
            case aopcComprehensiveness = "aopc_comprehensiveness", aopcSufficiency = "aopc_sufficiency"
            case precisionErrorMean = "precision_error_mean", precisionErrorMax = "precision_error_max"
        }
    }

    struct Run {
        var summary: Summary
        /// Every instance's id and explanation, in order (for `--format csv`).
        var explanations: [(id: String, explanation: Explanation)]

        func render(_ format: ReportFormat) throws -> String {
            switch format {
            case .json:
                return try ReportWriter.json(summary)
            case .csv:
                return ReportWriter.csv(header: TokenRows.header, rows: explanations.flatMap { TokenRows.rows($0.explanation, id: $0.id) })
            case .table:
                let s = summary
                var lines = "\(s.system), \(s.method): \(s.instances) instances, \(s.computed) computed, \(s.cached) cached, "
                    + String(format: "%.1f s", s.seconds)
                    + (s.sentencesPerSecond.map { String(format: ", %.2f sentences per second", $0) } ?? "") + "\n"
                if let c = s.aopcComprehensiveness, let u = s.aopcSufficiency {
                    lines += String(format: "faithfulness (means): AOPC comprehensiveness %.4f, AOPC sufficiency %.4f\n", c, u)
                }
                if let mean = s.precisionErrorMean, let max = s.precisionErrorMax {
                    lines += String(format: "bf16: f(x) off float32 by %.2e on average, %.2e at most\n", mean, max)
                }
                return lines
            }
        }
    }

    func run(ids: [String], requests: [ExplanationRequest], system: String, method: String) throws -> Run {
        let start = Date()
        var computed = 0, cached = 0
        var explanations: [(id: String, explanation: Explanation)] = []
        var comprehensiveness: [Double] = [], sufficiency: [Double] = [], precisionErrors: [Double] = []
        let bar = Progress(total: requests.count)
        for (id, request) in zip(ids, requests) {
            var explanation: Explanation
            if let hit = engine.cachedExplanation(request) {
                explanation = hit
                cached += 1
            } else {
                do {
                    explanation = try engine.explain(request)
                } catch {
                    bar.finish()
                    throw AnalysisError("instance \(id): \(error) (\(computed + cached) instances done and cached; run again to resume)")
                }
                computed += 1
            }
            if faithfulness {
                let scores = try engine.faithfulness(of: explanation, request: request)
                comprehensiveness.append(scores.aopcComprehensiveness)
                sufficiency.append(scores.aopcSufficiency)
                explanation.faithfulness = scores
            }
            if let error = explanation.precisionError { precisionErrors.append(error) }
            explanations.append((id, explanation))
            bar.show(done: computed + cached, computed: computed, cached: cached, elapsed: Date().timeIntervalSince(start))
        }
        bar.finish()
        let seconds = Date().timeIntervalSince(start)
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        let summary = Summary(
            system: system, method: method, instances: requests.count, computed: computed, cached: cached, seconds: seconds,
            sentencesPerSecond: computed > 0 && seconds > 0 ? Double(computed) / seconds : nil,
            aopcComprehensiveness: mean(comprehensiveness), aopcSufficiency: mean(sufficiency),
            precisionErrorMean: mean(precisionErrors), precisionErrorMax: precisionErrors.max())
        return Run(summary: summary, explanations: explanations)
    }

    /// The progress line on standard error: done of total, cached, elapsed and the time left
    /// at the rate of the instances computed so far.
    struct Progress {
        let total: Int

        func show(done: Int, computed: Int, cached: Int, elapsed: Double) {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            var line = "\rerrata: explaining \(bar) \(done)/\(total) (\(cached) cached)"
            if computed > 0, done < total {
                let remaining = elapsed / Double(computed) * Double(total - done)
                line += " ETA " + Self.duration(remaining)
            }
            ReportWriter.writeError(line + "   ")
        }

        func finish() {
            ReportWriter.writeError("\n")
        }

        static func duration(_ seconds: Double) -> String {
            let s = Int(seconds.rounded())
            return s >= 3600 ? "\(s / 3600) h \(s % 3600 / 60) min" : s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
        }
    }
}
