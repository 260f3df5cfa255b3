import Testing
@testable import ErrataCore

/// A column joined from the pieces of a parallel read keeps each piece's storage as a run:
/// every way of reading it must see the values a column built in one piece holds.
@Suite struct TextColumnRunsTests {
    /// `texts` cut at `cuts` (row indices) into columns, joined back.
    static func joined(_ texts: [String], cuts: [Int]) -> TextColumn {
        let bounds = [0] + cuts + [texts.count]
        return TextColumn(joining: zip(bounds, bounds.dropFirst()).map { TextColumn(texts[$0 ..< $1]) })
    }

    static func texts(_ count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("abcr ivé")
        return (0 ..< count).map { _ in
            String((0 ..< generator.nextIndex(below: 12)).map { _ in alphabet[generator.nextIndex(below: alphabet.count)] })
        }
    }

    /// Cuts not on 64-row words, an empty piece, a one-row piece, and a column in one piece.
    static let cuttings: [[Int]] = [[], [1], [63, 63, 64, 130], [100, 101, 2000, 4999], [2500]]

    @Test(arguments: cuttings) func valuesCountsAndEqualityAreThoseOfOnePiece(cuts: [Int]) {
        let texts = Self.texts(5000, seed: 3)
        let column = Self.joined(texts, cuts: cuts)
        #expect(column.count == texts.count)
        #expect(column == TextColumn(texts))
        #expect((0 ..< texts.count).allSatisfy { column[$0] == texts[$0] && column.byteCount($0) == texts[$0].utf8.count })
        var seen: [String] = []
        column.forEachRun { firstRow, bytes, offsets in
            #expect(firstRow == seen.count)
            for i in 0 ..< offsets.count - 1 {
                seen.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(offsets[i]) ..< Int(offsets[i + 1])]), as: UTF8.self))
            }
        }
        #expect(seen == texts)
        #expect(column != TextColumn(texts.dropLast()))
        var changed = texts
        changed[texts.count - 1] += "x"
        #expect(column != TextColumn(changed))
    }

    @Test(arguments: cuttings) func containsOverRunsEqualsAPerRowSearch(cuts: [Int]) {
        let texts = Self.texts(5000, seed: 11)
        let column = Self.joined(texts, cuts: cuts)
        for needle in ["a", "ab", "river", "ré", "c c", " ", "ivé"] {
            let expected = texts.indices.filter { texts[$0].utf8.count >= needle.utf8.count && texts[$0].contains(needle) }
            #expect(Array(SliceComparison.rowsContaining(Array(needle.utf8), in: column)) == expected, "\(needle) \(cuts)")
        }
    }

    @Test func appendingAfterAJoinExtendsTheLastRun() {
        var column = Self.joined(["a", "bb", "ccc"], cuts: [1, 2])
        column.append("dddd")
        #expect(column == TextColumn(["a", "bb", "ccc", "dddd"]))
        #expect(TextColumn(joining: [TextColumn(), TextColumn()]).count == 0)
    }
}

/// Runs hold at most 4 GiB (32-bit offsets); a column that outgrows one starts the next at a
/// value's boundary (an empty value still fits a full run). Tested with runs of 10 bytes.
@Suite struct TextColumnRunLimitTests {
    @Test func aFullRunStartsTheNextBetweenValues() {
        let texts = ["abcd", "efg", "hij", "", "klmnopqrst", "u", "vwxyz"]
        var byValue = TextColumn(runByteLimit: 10)
        for text in texts { byValue.append(text) }
        var inBulk = TextColumn(runByteLimit: 10)
        let bytes = Array(texts.joined().utf8)
        var ends: [Int] = [], end = 0
        for text in texts { end += text.utf8.count; ends.append(end) }
        bytes.withUnsafeBufferPointer { b in ends.withUnsafeBufferPointer { inBulk.append(contentsOf: b, ends: $0) } }
        for column in [byValue, inBulk] {
            #expect(column == TextColumn(texts))
            var runs: [(Int, Int)] = []
            column.forEachRun { firstRow, bytes, offsets in runs.append((firstRow, bytes.count)) }
            #expect(runs.map(\.0) == [0, 4, 5] && runs.map(\.1) == [10, 10, 6])
            #expect(Array(SliceComparison.rowsContaining(Array("y".utf8), in: column)) == [6])
        }
    }
}
