import ErrataCore
import Foundation
@testable import Attribution

/// Seeded random matrices and small random BERT encoders for tests.
struct RandomTensors {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func values(_ count: Int, scale: Float = 1) -> [Float] {
        (0 ..< count).map { _ in Float.random(in: -scale ... scale, using: &generator) }
    }

    mutating func matrix(_ rows: Int, _ columns: Int, scale: Float = 1) -> Matrix {
        Matrix(rows: rows, columns: columns, values: values(rows * columns, scale: scale))
    }

    mutating func linear(_ outputs: Int, _ inputs: Int) -> Linear {
        Linear(weight: matrix(outputs, inputs, scale: 1 / Float(inputs).squareRoot()), bias: values(outputs, scale: 0.1))
    }

    mutating func norm(_ width: Int) -> LayerNorm {
        LayerNorm(gamma: values(width, scale: 0.3).map { 1 + $0 }, beta: values(width, scale: 0.1), epsilon: 1e-12)
    }

    /// A BERT encoder of the given size with weights large enough that attention is far from
    /// uniform, so the attention gradients are exercised.
    mutating func encoder(layers: Int = 2, hidden: Int = 16, heads: Int = 4, intermediate: Int = 32,
                          vocabulary: Int = 40, positions: Int = 24, pooling: Pooling = .mean) -> BertEncoder {
        let config = BertConfig(vocabSize: vocabulary, hiddenSize: hidden, numHiddenLayers: layers, numAttentionHeads: heads,
                                intermediateSize: intermediate, maxPositionEmbeddings: positions)
        let layerWeights = (0 ..< layers).map { _ in
            var qkv = linear(3 * hidden, hidden)
            qkv = Linear(weight: Matrix(rows: 3 * hidden, columns: hidden, values: qkv.weight.values.map { $0 * 2 }), bias: qkv.bias)
            return BertLayerWeights(queryKeyValue: qkv, attentionOutput: linear(hidden, hidden), attentionNorm: norm(hidden),
                                    intermediate: linear(intermediate, hidden), output: linear(hidden, intermediate),
                                    outputNorm: norm(hidden))
        }
        let weights = BertWeights(wordEmbeddings: matrix(vocabulary, hidden), positionEmbeddings: matrix(positions, hidden, scale: 0.5),
                                  tokenTypeEmbeddings: matrix(2, hidden, scale: 0.1), embeddingNorm: norm(hidden), layers: layerWeights)
        return BertEncoder(config: config, weights: weights, pooling: pooling)
    }

    mutating func tokenIds(_ count: Int, vocabulary: Int = 40) -> [Int32] {
        (0 ..< count).map { _ in Int32(generator.nextIndex(below: vocabulary)) }
    }

    mutating func head(classes: Int = 3, hidden: Int = 16) -> LinearHead {
        LinearHead(weights: (0 ..< classes).map { _ in values(hidden) }, bias: values(classes, scale: 0.1))
    }
}

/// The largest absolute difference between two equally long arrays.
func maxAbsoluteDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "compared arrays differ in length: \(a.count) and \(b.count)")
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// `‖a − b‖ / ‖b‖` in Double: the norm-wise relative error of `a` against the reference `b`.
func relativeError(_ a: [Float], _ b: [Float]) -> Double {
    precondition(a.count == b.count, "compared arrays differ in length")
    let difference = zip(a, b).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) }
    let norm = b.reduce(0.0) { $0 + Double($1) * Double($1) }
    return (difference / max(norm, 1e-300)).squareRoot()
}
