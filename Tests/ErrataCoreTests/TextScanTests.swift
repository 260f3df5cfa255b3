import BitCollections
import Testing
@testable import ErrataCore

/// The scans behind `length(...)` and `contains` agree with the plain definitions on texts
/// of every length around the eight-byte word, in any script (`ByteScanTests` goes past the
/// 16-byte block).
@Suite struct TextScanTests {
    static let samples = [
        "", "a", "river", "abcdefg", "abcdefgh", "abcdefghi", "héllo wörld, ça va", "日本語のテキストです",
        "emoji 👍🏽 and more", "Привет, мир! Как дела?", "rive", "riverriver", "xx river", "the river.",
    ]

    @Test func characterCountsMatchUnicodeScalars() {
        for text in Self.samples {
            var text = text
            let counted = text.withUTF8 { TextFeatures.characters($0) }
            #expect(counted == text.unicodeScalars.count, "\(text)")
        }
    }

    @Test func containsMatchesStringSearchRowByRow() throws {
        var column = TextColumn()
        for text in Self.samples { column.append(text) }
        let dataset = Dataset(
            name: "t", task: .generation, ids: TextColumn((1 ... Self.samples.count).map(String.init)), inputs: [],
            label: nil, systems: [], metadata: [Column(name: "text", storage: .text(column))], defaultMetric: "chrf",
            source: "t", skipped: SkippedLines(), warnings: [], idIndex: IDIndex(capacity: 0))
        let evaluator = SliceEvaluator(dataset: dataset)
        for needle in ["river", "r", "rr", "👍", "мир", "abcdefghi", "va"] {
            let expected = Self.samples.indices.filter { Self.samples[$0].utf8.contains(needle.utf8) }
            #expect(Array(try evaluator.rows(where: "text contains \"\(needle)\"")) == expected, "\(needle)")
        }
    }
}

extension String.UTF8View {
    /// Plain byte-substring search, the definition the fast scan must agree with.
    fileprivate func contains(_ needle: String.UTF8View) -> Bool {
        let haystack = Array(self), pattern = Array(needle)
        guard haystack.count >= pattern.count else { return false }
        return (0 ... haystack.count - pattern.count).contains { Array(haystack[$0 ..< $0 + pattern.count]) == pattern }
    }
}
