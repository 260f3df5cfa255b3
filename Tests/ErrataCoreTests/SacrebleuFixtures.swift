import Foundation
import ErrataCore

/// The sacrebleu 2.6.0 fixtures written by `Fixtures/sacrebleu/make_fixtures.py`.
enum SacrebleuFixtures {
    /// errata's configuration for each metric variant key of the fixtures (see `VARIANTS` in the script).
    static let variants: [String: any TextPairMetric] = [
        "chrf": ChrF(),
        "chrf++": ChrF(wordOrder: 2),
        "chrf_lowercase": ChrF(lowercase: true),
        "chrf_whitespace": ChrF(whitespace: true),
        "chrf_eps": ChrF(beta: 3, epsSmoothing: true),
        "bleu": BLEU(),
        "bleu_none": BLEU(tokenizer: .none),
        "bleu_intl": BLEU(tokenizer: .intl),
        "bleu_lowercase": BLEU(lowercase: true),
        "bleu_floor": BLEU(smoothing: .floor()),
        "bleu_addk": BLEU(smoothing: .addK()),
        "bleu_nosmooth": BLEU(smoothing: .none),
        "ter": TER(),
        "ter_case_sensitive": TER(caseSensitive: true),
    ]

    struct Case: Decodable {
        let hypothesis: String
        let references: [String]
        let scores: [String: Double]
        let tokenized: [String: String]
    }

    struct Cases: Decodable {
        let cases: [Case]
        let corpus: [String: Double]
    }

    /// The WMT17 en-de systems and reference, with words stored as vocabulary codes.
    struct WMT17: Decodable {
        let alphabet: String
        let terminals: Int
        let vocabulary: [String]
        let segments: [String: [String]]
        let corpus: [String: [String: Double]]
        let sentences: [String: [String: [Double]]]

        /// The segments of `name` ("reference" or a system), decoded: each code is continuation digits
        /// then one terminal digit (see `encode_rank` in the script), and words are joined by spaces.
        func texts(_ name: String) -> [String] {
            var digitValue = [Character: Int]()
            for (value, digit) in alphabet.enumerated() { digitValue[digit] = value }
            let continuationBase = alphabet.count - terminals
            return segments[name, default: []].map { encoded in
                var words: [String] = []
                var prefix = 0, continuations = 0
                for digit in encoded {
                    let value = digitValue[digit]!
                    if value >= terminals {
                        prefix = prefix * continuationBase + (value - terminals)
                        continuations += 1
                        continue
                    }
                    // Ranks with k continuation digits start after all shorter codes: 64 (1 + 25 + ... + 25^(k-1)).
                    var offset = 0, size = terminals
                    for _ in 0..<continuations {
                        offset += size
                        size *= continuationBase
                    }
                    words.append(vocabulary[offset + prefix * terminals + value])
                    prefix = 0
                    continuations = 0
                }
                return words.joined(separator: " ")
            }
        }
    }

    static func load<T: Decodable>(_ file: String, as type: T.Type) throws -> T {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let data = try Data(contentsOf: folder.appendingPathComponent("sacrebleu/\(file)"))
        return try JSONDecoder().decode(type, from: data)
    }

    /// The corpus score of `metric` from the sum of every pair's statistics vector.
    static func corpusScore(_ metric: any TextPairMetric, hypotheses: [String], references: [[String]]) -> Double {
        var sum = [Double](repeating: 0, count: metric.statisticsCount)
        var row = [Double](repeating: 0, count: metric.statisticsCount)
        for (hypothesis, pairReferences) in zip(hypotheses, references) {
            row.withUnsafeMutableBufferPointer { metric.statistics(hypothesis: hypothesis, references: pairReferences, into: $0) }
            for index in sum.indices { sum[index] += row[index] }
        }
        return metric.score(sum)
    }
}
