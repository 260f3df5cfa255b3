/// `Fixtures/statistics/reference_values.json`, written by `reference_values.py` with scipy,
/// statsmodels, scikit-learn and numpy.
struct ReferenceValues: Decodable {
    struct McNemar: Decodable { let b: Int, c: Int, p: Double }
    struct Holm: Decodable { let p: [Double], adjusted: [Double] }
    struct Wilson: Decodable { let successes: Int, total: Int, confidence: Double, lower: Double, upper: Double }
    struct F1: Decodable { let classCount: Int, gold: [Int], predicted: [Int], macro: Double, micro: Double }
    struct Quantiles: Decodable { let values: [Double], levels: [Double], quantiles: [Double] }

    let mcnemar: [McNemar]
    let holm: [Holm]
    let wilson: [Wilson]
    let f1: [F1]
    let quantiles: [Quantiles]

    static func load() throws -> ReferenceValues { try StatisticsFixtures.load("reference_values") }
}

/// Whether `a` and `b` agree to a relative tolerance (absolute near 0).
func close(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
