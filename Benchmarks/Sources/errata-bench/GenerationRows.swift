import ErrataCore

/// Rows of the synthetic generation dataset: a reference sentence and three systems'
/// hypotheses made from it with increasing noise (see `NoisyCopy`).
struct GenerationRows {
    static let columns = ["id", "reference", "hyp_a", "hyp_b", "hyp_c", "domain"]
    static let noise = [0.05, 0.15, 0.30]
    static let domains = ["news", "medical", "legal", "social", "tech", "sports"]

    private let sampler = SentenceSampler()
    private let domain = WeightedChoice(count: domains.count)

    func row(_ index: Int, _ generator: inout SeededGenerator) -> [Field] {
        let reference = sampler.sentence(&generator)
        var fields: [Field] = [.number(Double(index + 1)), .text(SentenceSampler.render(reference))]
        for rate in Self.noise {
            fields.append(.text(SentenceSampler.render(NoisyCopy(rate: rate).apply(reference, sampler: sampler, &generator))))
        }
        fields.append(.text(Self.domains[domain.draw(&generator)]))
        return fields
    }
}
