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

    /// Instances explained at once: one per core. One explanation leaves a core idle part of
    /// the time (its element-wise steps and the ends of its products run on one), so two at
    /// a time finish a slice sooner (docs/performance.md, "Batch precompute").
    static var workers: Int { ProcessInfo.processInfo.activeProcessorCount }

    func run(ids: [String], requests: [ExplanationRequest], system: String, method: String) throws -> Run {
        let start = Date()
        let bar = Progress(total: requests.count)
        let state = Outcomes(count: requests.count)
        // Each worker takes the next instance not yet taken; after a failure none is started,
        // and the failure reported is the first in the slice's order, as one at a time.
        DispatchQueue.concurrentPerform(iterations: max(1, min(Self.workers, requests.count))) { _ in
            while let k = state.lock.withLock({ state.take() }) {
                let result = Result { try outcome(of: requests[k]) }
                state.lock.withLock {
                    state.results[k] = result
                    if case .success(let (_, wasCached)) = result {
                        if wasCached { state.cached += 1 } else { state.computed += 1 }
                        bar.show(done: state.computed + state.cached, computed: state.computed, cached: state.cached,
                                 elapsed: Date().timeIntervalSince(start))
                    } else {
                        state.failed = true
                    }
                }
            }
        }
        bar.finish()
        // Every worker has finished: the state is read without the lock from here.
        let outcomes = state
        var explanations: [(id: String, explanation: Explanation)] = []
        for (k, result) in outcomes.results.enumerated() {
            switch result {
            case .success(let (explanation, _))?: explanations.append((ids[k], explanation))
            case .failure(let error)?:
                throw AnalysisError("instance \(ids[k]): \(error) (\(outcomes.computed + outcomes.cached) instances done and cached; run again to resume)")
            case nil: break  // not started after a failure
            }
        }
        let seconds = Date().timeIntervalSince(start)
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        let faithfulness = explanations.compactMap(\.explanation.faithfulness)
        let precisionErrors = explanations.compactMap(\.explanation.precisionError)
        let summary = Summary(
            system: system, method: method, instances: requests.count, computed: outcomes.computed, cached: outcomes.cached, seconds: seconds,
            sentencesPerSecond: outcomes.computed > 0 && seconds > 0 ? Double(outcomes.computed) / seconds : nil,
            aopcComprehensiveness: mean(faithfulness.map(\.aopcComprehensiveness)), aopcSufficiency: mean(faithfulness.map(\.aopcSufficiency)),
            precisionErrorMean: mean(precisionErrors), precisionErrorMax: precisionErrors.max())
        return Run(summary: summary, explanations: explanations)
    }

    /// The explanation of one instance, from the cache or computed (and then cached), with its
    /// faithfulness when asked; and whether it came from the cache.
    private func outcome(of request: ExplanationRequest) throws -> (Explanation, cached: Bool) {
        var explanation: Explanation, cached = false
        if let hit = engine.cachedExplanation(request) {
            explanation = hit
            cached = true
        } else {
            explanation = try engine.explain(request)
        }
        if faithfulness { explanation.faithfulness = try engine.faithfulness(of: explanation, request: request) }
        return (explanation, cached)
    }

    /// What the workers share, under `lock`: the next instance to take, each one's result,
    /// the counts.
    private final class Outcomes: @unchecked Sendable {
        let lock = NSLock()
        var results: [Result<(Explanation, cached: Bool), any Error>?]
        var next = 0, computed = 0, cached = 0
        var failed = false

        init(count: Int) { results = Array(repeating: nil, count: count) }

        /// The next instance to explain, or nil when all are taken or one has failed.
        func take() -> Int? {
            guard !failed, next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
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
