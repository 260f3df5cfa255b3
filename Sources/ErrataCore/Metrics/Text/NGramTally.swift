/// Clipped n-gram overlap over interned n-gram ids: each hypothesis n-gram counts as matched at most as
/// often as it occurs in the reference (Papineni et al. 2002's "modified precision"; chrF, Popović 2015,
/// uses the same min-count intersection).
///
/// Counting uses flat arrays indexed by id (ids are dense, see `SequenceInterner`), and every slot it
/// touches is put back to zero, so one tally serves all orders and references of a sentence.
struct NGramTally {
    private var counts: [Int32]
    private var maxima: [Int32]

    init(idCount: Int) {
        counts = Array(repeating: 0, count: idCount)
        maxima = Array(repeating: 0, count: idCount)
    }

    /// Σ over n-grams g of min(count in `hypothesis`, count in `reference`).
    mutating func matches(_ hypothesis: [UInt32], _ reference: [UInt32]) -> Int {
        for id in reference { counts[Int(id)] += 1 }
        let matched = Self.consume(hypothesis, from: &counts)
        for id in reference { counts[Int(id)] = 0 }
        return matched
    }

    /// Σ over n-grams g of min(count in `hypothesis`, max over references of count in that reference):
    /// BLEU's clipping against several references.
    mutating func matches(_ hypothesis: [UInt32], _ references: [[UInt32]]) -> Int {
        for reference in references {
            for id in reference { counts[Int(id)] += 1 }
            for id in reference {
                maxima[Int(id)] = max(maxima[Int(id)], counts[Int(id)])
            }
            for id in reference { counts[Int(id)] = 0 }
        }
        let matched = Self.consume(hypothesis, from: &maxima)
        for reference in references {
            for id in reference { maxima[Int(id)] = 0 }
        }
        return matched
    }

    /// Takes one from `available` per hypothesis n-gram while any is left: Σ min(hypothesis, available).
    private static func consume(_ hypothesis: [UInt32], from available: inout [Int32]) -> Int {
        var matched = 0
        for id in hypothesis where available[Int(id)] > 0 {
            available[Int(id)] -= 1
            matched += 1
        }
        return matched
    }
}
