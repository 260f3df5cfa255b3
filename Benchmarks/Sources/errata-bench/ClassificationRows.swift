import ErrataCore

/// Rows of the synthetic classification dataset (wide layout, three systems).
///
/// Systems `a`, `b` and `c` are right about 90%, 80% and 65% of the time, a little less in
/// the rarer genres, so per-genre accuracies differ as in real error analysis. About 1% of
/// `year` values are missing, to exercise missing-value handling on both sides.
struct ClassificationRows {
    static let columns = ["id", "text", "gold", "pred_a", "pred_b", "pred_c", "genre", "year", "score"]
    static let classes = ["negative", "neutral", "positive"]
    static let accuracies = [0.90, 0.80, 0.65]
    static let genres = (1 ... 12).map { "g\($0)" }

    private let sampler = SentenceSampler()
    private let genre = WeightedChoice(count: genres.count)
    private let gold = WeightedChoice(weights: [0.4, 0.2, 0.4])

    /// One row's values in `columns` order; nil is a missing value.
    func row(_ index: Int, _ generator: inout SeededGenerator) -> [Field] {
        let g = genre.draw(&generator)
        let label = gold.draw(&generator)
        var fields: [Field] = [
            .number(Double(index + 1)),
            .text(SentenceSampler.render(sampler.sentence(&generator))),
            .text(Self.classes[label]),
        ]
        for accuracy in Self.accuracies {
            let adjusted = accuracy - 0.01 * Double(g)
            let predicted = generator.nextUnit() < adjusted ? label : (label + 1 + generator.nextIndex(below: 2)) % 3
            fields.append(.text(Self.classes[predicted]))
        }
        fields.append(.text(Self.genres[g]))
        fields.append(generator.nextUnit() < 0.01 ? .missing : .number(Double(generator.next(in: 1990 ... 2024))))
        fields.append(.decimal(generator.nextUnit(), places: 3))
        return fields
    }
}

/// A value to write: text, a number (integers without a fraction), a decimal with fixed
/// places, or missing.
enum Field {
    case text(String)
    case number(Double)
    case decimal(Double, places: Int)
    case missing
}
