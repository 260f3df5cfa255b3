import Attribution
import ErrataTestSupport
import Foundation

/// The reference tokenizer's outputs written by `Fixtures/make_tokenizer_fixtures.py`.
enum TokenizerFixtures {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// all-MiniLM-L6-v2's vocabulary (30,522 tokens).
    static func tokenizer(maxLength: Int = 512) throws -> WordPieceTokenizer {
        let vocabulary = try Vocabulary(contentsOf: folder.appendingPathComponent("minilm-vocab.txt"))
        return try WordPieceTokenizer(vocabulary: vocabulary, maxLength: maxLength)
    }

    struct Case: Decodable {
        let name: String
        let text: String
        let ids: [Int32]
        let offsets: [[Int]]
        /// -1 where the reference has no word.
        let words: [Int]

        var offsetRanges: [Range<Int>] { offsets.map { $0[0]..<$0[1] } }
        var wordIndices: [Int?] { words.map { $0 < 0 ? nil : $0 } }
    }

    struct Cases: Decodable {
        let transformers: String
        let cases: [Case]
    }

    static func cases() throws -> Cases {
        let data = try Data(contentsOf: folder.appendingPathComponent("tokenizer-cases.json"))
        return try JSONDecoder().decode(Cases.self, from: data)
    }

    /// One sentence of the bundled data: its text, the reference's ids and the digest of its
    /// offsets and word indices.
    struct Sentence {
        let text: String
        let ids: [Int32]
        let digest: UInt64
    }

    /// The bundled sentences in the script's order, each with the reference's encoding.
    static func bundledSentences() throws -> [Sentence] {
        var texts: [String] = []
        for (path, field) in [("rotten-tomatoes/train.jsonl", "text"), ("rotten-tomatoes/test.jsonl", "text"),
                              ("wmt17-en-de/references.jsonl", "reference")] {
            let lines = try String(contentsOf: Fixtures.bundledDatasets.appendingPathComponent(path), encoding: .utf8)
            for line in lines.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                texts.append(object?[field] as? String ?? "")
            }
        }
        var reader = LittleEndianReader(try Data(contentsOf: folder.appendingPathComponent("tokenizer-data.bin")))
        let count = Int(reader.read(UInt32.self))
        precondition(count == texts.count, "the fixture has \(count) sentences, the data \(texts.count)")
        let sentences = texts.map { text in
            let tokens = Int(reader.read(UInt16.self))
            let ids = (0..<tokens).map { _ in Int32(reader.read(UInt16.self)) }
            return Sentence(text: text, ids: ids, digest: reader.read(UInt64.self))
        }
        precondition(reader.isAtEnd, "the fixture has bytes after its last sentence")
        return sentences
    }

    /// FNV-1a (64 bits) over start, end and word index + 1 (0 for none) of every token, each as
    /// four little-endian bytes: the script's `digest`.
    static func digest(_ encoding: Encoding) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for (range, word) in zip(encoding.offsets, encoding.wordIndices) {
            for number in [range.lowerBound, range.upperBound, word.map { $0 + 1 } ?? 0] {
                for shift in stride(from: 0, to: 32, by: 8) {
                    value = (value ^ UInt64((number >> shift) & 0xFF)) &* 0x100_0000_01B3
                }
            }
        }
        return value
    }
}

/// Reads little-endian integers from the start of `data` on.
private struct LittleEndianReader {
    let bytes: [UInt8]
    var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { position == bytes.count }

    mutating func read<Value: FixedWidthInteger>(_: Value.Type) -> Value {
        var value: Value = 0
        for index in 0..<MemoryLayout<Value>.size {
            value |= Value(bytes[position + index]) << (8 * index)
        }
        position += MemoryLayout<Value>.size
        return value
    }
}
