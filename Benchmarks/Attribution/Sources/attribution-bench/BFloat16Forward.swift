import Attribution
import ErrataCore
import Foundation

/// The classifier's forward pass over perturbation batches, float32 (OpenBLAS) against bf16
/// (errata's AVX512-BF16 kernel), in alternating rounds, and how far bf16 moves f(x): the
/// measurement behind `--precision bf16`. The batches are those of
/// `Benchmarks/Attribution/bf16_forward.py` in kind: test sentences, each with 64 copies in
/// which about half the tokens (never [CLS] or [SEP]) are replaced by [MASK].
struct BFloat16Forward {
    struct Result: Codable {
        var sentences: Int
        var perturbationsPerSentence: Int
        var tokens: Int
        var float32Seconds: [Double]
        var bf16Seconds: [Double]
        /// Median float32 time over median bf16 time.
        var speedUp: Double
        /// The weight and attention products' FLOPs over the median time (`ModelFlops`).
        var float32GigaflopsPerSecond: Double
        var bf16GigaflopsPerSecond: Double
        /// |f_bf16 − f_float32| over every perturbation and class probability.
        var probabilityErrorMean: Double
        var probabilityErrorMax: Double
    }

    var sentences = 12
    var perturbations = 64
    var rounds = 5

    func run(_ inputs: BenchmarkInputs) throws -> Result {
        let float32 = inputs.classifier
        let bf16 = try float32.converted(to: .bf16)
        let tokenizer = float32.tokenizer
        var generator = SeededGenerator(seed: 0)
        let batches = inputs.sentences.prefix(sentences).map { text in
            let ids = tokenizer.encode(text).ids
            return (0 ..< perturbations).map { _ in
                ids.indices.map { i in
                    i == 0 || i == ids.count - 1 || generator.next() & 1 == 0 ? ids[i] : tokenizer.maskID
                }
            }
        }
        func probabilities(_ classifier: TextClassifier) -> [[Float]] {
            batches.flatMap { batch in classifier.encoder.forward(batch: batch).map { classifier.head.probabilities($0.pooled) } }
        }
        let reference = probabilities(float32), reduced = probabilities(bf16)
        var times: (float32: [Double], bf16: [Double]) = ([], [])
        for _ in 0 ..< rounds {
            times.float32.append(Stopwatch.time { probabilities(float32) }.seconds)
            times.bf16.append(Stopwatch.time { probabilities(bf16) }.seconds)
        }
        let errors = zip(reference, reduced).flatMap { zip($0, $1).map { Double(abs($0 - $1)) } }
        let flops = batches.flatMap { $0 }.reduce(0) { $0 + ModelFlops.forward(float32.encoder.config, tokens: $1.count) }
        let medians = (TimingSummary(times.float32).median, TimingSummary(times.bf16).median)
        return Result(sentences: batches.count, perturbationsPerSentence: perturbations,
                      tokens: batches.flatMap { $0 }.reduce(0) { $0 + $1.count },
                      float32Seconds: times.float32, bf16Seconds: times.bf16, speedUp: medians.0 / medians.1,
                      float32GigaflopsPerSecond: flops / medians.0 / 1e9, bf16GigaflopsPerSecond: flops / medians.1 / 1e9,
                      probabilityErrorMean: errors.reduce(0, +) / Double(max(errors.count, 1)),
                      probabilityErrorMax: errors.max() ?? 0)
    }
}
