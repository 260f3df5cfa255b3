import Testing
@testable import Attribution

/// The packed batch must give exactly what one-by-one evaluation gives, and masks must behave
/// like padding.
@Suite struct EncoderBatchTests {
    @Test(arguments: [Pooling.mean, .cls])
    func batchAgreesWithOneByOne(pooling: Pooling) {
        var random = RandomTensors(seed: 31)
        let encoder = random.encoder(pooling: pooling)
        let batch = [random.tokenIds(7), random.tokenIds(1), random.tokenIds(19), random.tokenIds(12)]
        let together = encoder.forward(batch: batch, returnAttentions: true)
        #expect(together.count == 4)
        for (s, ids) in batch.enumerated() {
            let alone = encoder.forward(batch: [ids], returnAttentions: true)[0]
            #expect(together[s].lastHiddenState.rows == ids.count && together[s].lastHiddenState.columns == 16)
            #expect(maxAbsoluteDifference(together[s].lastHiddenState.values, alone.lastHiddenState.values) <= 1e-5)
            #expect(maxAbsoluteDifference(together[s].pooled, alone.pooled) <= 1e-5)
            let maps = try! #require(together[s].attentions)
            #expect(maps.layers == 2 && maps.heads == 4 && maps.tokens == ids.count)
            #expect(maxAbsoluteDifference(maps.values, alone.attentions!.values) <= 1e-5)
        }
    }

    @Test func attentionRowsAreDistributions() {
        var random = RandomTensors(seed: 32)
        let encoder = random.encoder()
        let maps = encoder.forward(batch: [random.tokenIds(9)], returnAttentions: true)[0].attentions!
        for layer in 0 ..< 2 {
            for head in 0 ..< 4 {
                let map = maps.map(layer: layer, head: head)
                for q in 0 ..< 9 { #expect(abs(map.row(q).reduce(0, +) - 1) < 1e-5) }
                #expect(map[3, 5] == maps[layer: layer, head: head, query: 3, key: 5])
            }
        }
        #expect(encoder.forward(batch: [random.tokenIds(3)])[0].attentions == nil)
    }

    /// Masked trailing tokens are padding: the kept tokens' states and the pooled embedding
    /// equal those of the shorter sequence, and no query attends to the masked keys.
    @Test func maskedTokensActAsPadding() {
        var random = RandomTensors(seed: 33)
        let encoder = random.encoder()
        let ids = random.tokenIds(10)
        let short = encoder.forward(batch: [Array(ids[..<6])])[0]
        let padded = EncoderInput(wordEmbeddings: encoder.embeddings(tokenIds: ids),
                                  attentionMask: (0 ..< 10).map { $0 < 6 })
        let masked = encoder.forward([padded], returnAttentions: true)[0]
        #expect(maxAbsoluteDifference(masked.lastHiddenState.rows(0 ..< 6).values, short.lastHiddenState.values) <= 1e-5)
        #expect(maxAbsoluteDifference(masked.pooled, short.pooled) <= 1e-5)
        #expect(masked.lastHiddenState.rows == 10)
        let maps = masked.attentions!
        for q in 0 ..< 10 { for k in 6 ..< 10 { #expect(maps[layer: 1, head: 2, query: q, key: k] == 0) } }
    }

    @Test func closedGateRemovesAHead() {
        var random = RandomTensors(seed: 34)
        let encoder = random.encoder()
        let input = EncoderInput(wordEmbeddings: encoder.embeddings(tokenIds: random.tokenIds(8)))
        let open = encoder.forward([input])[0]
        #expect(maxAbsoluteDifference(encoder.forward([input], headGates: HeadGates(layers: 2, heads: 4))[0].pooled, open.pooled) == 0)
        var gates = HeadGates(layers: 2, heads: 4)
        gates[1, 3] = 0
        let closed = encoder.forward([input], headGates: gates)[0]
        #expect(maxAbsoluteDifference(closed.pooled, open.pooled) > 1e-3)
        // Closing a head equals zeroing its weights in the attention output projection.
        let layer = encoder.weights.layers[1]
        var projection = layer.attentionOutput.weight
        for row in 0 ..< 16 { for column in 12 ..< 16 { projection[row, column] = 0 } }
        var layers = encoder.weights.layers
        layers[1] = BertLayerWeights(queryKeyValue: layer.queryKeyValue,
                                     attentionOutput: Linear(weight: projection, bias: layer.attentionOutput.bias),
                                     attentionNorm: layer.attentionNorm, intermediate: layer.intermediate,
                                     output: layer.output, outputNorm: layer.outputNorm)
        let w = encoder.weights
        let pruned = BertEncoder(config: encoder.config, weights: BertWeights(
            wordEmbeddings: w.wordEmbeddings, positionEmbeddings: w.positionEmbeddings, tokenTypeEmbeddings: w.tokenTypeEmbeddings,
            embeddingNorm: w.embeddingNorm, layers: layers), pooling: .mean)
        #expect(maxAbsoluteDifference(pruned.forward([input])[0].pooled, closed.pooled) <= 1e-5)
    }

    @Test func embeddingsAreTableRows() {
        var random = RandomTensors(seed: 35)
        let encoder = random.encoder()
        let rows = encoder.embeddings(tokenIds: [3, 0, 3])
        #expect(rows.row(0) == encoder.weights.wordEmbeddings.row(3))
        #expect(rows.row(1) == encoder.weights.wordEmbeddings.row(0))
        #expect(rows.row(2) == rows.row(0))
    }
}
