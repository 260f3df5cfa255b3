import Attribution

/// (a) One forward pass (encoder, mean pooling, head, softmax) of a single sequence of a
/// given length: the unit of work of every perturbation explainer.
struct ForwardLatency {
    struct Length: Codable {
        var tokens: Int
        var ids: [Int32]
        /// Seconds per pass.
        var seconds: TimingSummary
        /// CPU seconds per pass (user and system, both cores), the mean over the timed passes.
        var processorSeconds: Double
        /// The class probabilities, to compare with another implementation of the same model.
        var probabilities: [Float]
    }

    var lengths = [8, 16, 32, 64, 128]
    var warmups = 3
    var repeats: Int

    func run(_ inputs: BenchmarkInputs) -> [Length] {
        let classifier = inputs.classifier
        return lengths.map { length in
            let ids = inputs.ids(ofLength: length)
            func pass() -> [Float] {
                classifier.head.probabilities(classifier.encoder.forward(batch: [ids])[0].pooled)
            }
            for _ in 0 ..< warmups { _ = pass() }
            let processorStart = Stopwatch.processorSeconds()
            let timings = (0 ..< repeats).map { _ in Stopwatch.time(pass).seconds }
            let processorSeconds = (Stopwatch.processorSeconds() - processorStart) / Double(repeats)
            return Length(tokens: length, ids: ids, seconds: TimingSummary(timings), processorSeconds: processorSeconds,
                          probabilities: pass())
        }
    }
}
