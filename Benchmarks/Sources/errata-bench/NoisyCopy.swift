import ErrataCore

/// A system's hypothesis made from a reference: each word is, with probability `rate`,
/// dropped, replaced by another vocabulary word or swapped with its neighbour (each a third of
/// the time).
///
/// These are the errors that move chrF and BLEU in opposite amounts (a swap keeps every
/// character but breaks n-grams), so a dataset of noisy copies exercises both metrics' code
/// paths the way real translations do.
struct NoisyCopy: Sendable {
    let rate: Double

    func apply(_ reference: [String], sampler: SentenceSampler, _ generator: inout SeededGenerator) -> [String] {
        var words: [String] = []
        words.reserveCapacity(reference.count)
        var i = 0
        while i < reference.count {
            guard generator.nextUnit() < rate else {
                words.append(reference[i])
                i += 1
                continue
            }
            switch generator.nextIndex(below: 3) {
            case 0:
                i += 1
            case 1:
                words.append(sampler.word(&generator))
                i += 1
            default:
                if i + 1 < reference.count {
                    words.append(reference[i + 1])
                    words.append(reference[i])
                    i += 2
                } else {
                    words.append(reference[i])
                    i += 1
                }
            }
        }
        return words.isEmpty ? [reference[0]] : words
    }
}
