/// Where each sequence of a batch sits in the packed block of rows, and in the buffer of
/// attention probabilities (`heads` maps of `tokens x tokens` per sequence).
struct PackedBatch: Sendable {
    let ranges: [Range<Int>]
    let masks: [[Bool]?]
    let probabilityOffsets: [Int]
    let probabilityCount: Int

    init(_ inputs: [EncoderInput], heads: Int) {
        var ranges: [Range<Int>] = [], offsets: [Int] = []
        var row = 0, probabilities = 0
        for input in inputs {
            let t = input.wordEmbeddings.rows
            ranges.append(row ..< row + t)
            offsets.append(probabilities)
            row += t
            probabilities += heads * t * t
        }
        self.ranges = ranges
        self.masks = inputs.map(\.attentionMask)
        self.probabilityOffsets = offsets
        self.probabilityCount = probabilities
    }

    var tokenCount: Int { ranges.last?.upperBound ?? 0 }

    /// The tokens of sequence `s` that pooling averages (all, or those the mask keeps).
    func keptTokens(_ s: Int) -> [Int] {
        let range = ranges[s]
        guard let mask = masks[s] else { return Array(range) }
        return range.filter { mask[$0 - range.lowerBound] }
    }
}
