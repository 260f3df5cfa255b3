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
        /// CPU seconds (both cores) of each round: what other jobs on a shared machine inflate less.
        var float32ProcessorSeconds: [Double]
        var bf16ProcessorSeconds: [Double]
        /// Median float32 time over median bf16 time, in wall time and in CPU time.
        var speedUp: Double
        var processorSpeedUp: Double
        /// The weight and attention products' FLOPs over the median time (`ModelFlops`).
        var float32GigaflopsPerSecond: Double
        var bf16GigaflopsPerSecond: Double
        /// |f_bf16 − f_float32| over every perturbation and class probability.
        var probabilityErrorMean: Double
        var probabilityErrorMax: Double
        /// The same over the unperturbed sentences of the whole test split (f(x) itself), and
        /// how many predicted labels bf16 changes there.
        var testSentences: Int
        var testErrorMean: Double
        var testErrorMax: Double
        var testPredictionsChanged: Int
    }

    var rounds: Int
    var sentences = 12
    var perturbations = 64

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
        var times: (float32: [Double], bf16: [Double]) = ([], []), processor: (float32: [Double], bf16: [Double]) = ([], [])
        func timed(_ classifier: TextClassifier) -> (wall: Double, processor: Double) {
            let start = Stopwatch.processorSeconds()
            let wall = Stopwatch.time { probabilities(classifier) }.seconds
            return (wall, Stopwatch.processorSeconds() - start)
        }
        for _ in 0 ..< rounds {
            let a = timed(float32), b = timed(bf16)
            times.float32.append(a.wall)
            processor.float32.append(a.processor)
            times.bf16.append(b.wall)
            processor.bf16.append(b.processor)
        }
        func differences(_ x: [[Float]], _ y: [[Float]]) -> [Double] { zip(x, y).flatMap { zip($0, $1).map { Double(abs($0 - $1)) } } }
        let errors = differences(reference, reduced)
        let test = (float32.probabilities(inputs.sentences), bf16.probabilities(inputs.sentences))
        let testErrors = differences(test.0, test.1)
        func label(_ p: [Float]) -> Int { p.indices.max { p[$0] < p[$1] }! }
        let flops = batches.flatMap { $0 }.reduce(0) { $0 + ModelFlops.forward(float32.encoder.config, tokens: $1.count) }
        let medians = (TimingSummary(times.float32).median, TimingSummary(times.bf16).median)
        return Result(sentences: batches.count, perturbationsPerSentence: perturbations,
                      tokens: batches.flatMap { $0 }.reduce(0) { $0 + $1.count },
                      float32Seconds: times.float32, bf16Seconds: times.bf16,
                      float32ProcessorSeconds: processor.float32, bf16ProcessorSeconds: processor.bf16, speedUp: medians.0 / medians.1,
                      processorSpeedUp: TimingSummary(processor.float32).median / TimingSummary(processor.bf16).median,
                      float32GigaflopsPerSecond: flops / medians.0 / 1e9, bf16GigaflopsPerSecond: flops / medians.1 / 1e9,
                      probabilityErrorMean: errors.reduce(0, +) / Double(max(errors.count, 1)),
                      probabilityErrorMax: errors.max() ?? 0, testSentences: inputs.sentences.count,
                      testErrorMean: testErrors.reduce(0, +) / Double(max(testErrors.count, 1)), testErrorMax: testErrors.max() ?? 0,
                      testPredictionsChanged: zip(test.0, test.1).filter { label($0) != label($1) }.count)
    }
}
