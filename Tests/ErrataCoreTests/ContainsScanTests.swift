import Testing
@testable import ErrataCore

@Suite struct ContainsScanTests {
    @Test func wholeColumnSearchEqualsAPerRowSearch() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcr ivé")
        let texts = (0 ..< 5000).map { _ in
            String((0 ..< generator.nextIndex(below: 12)).map { _ in alphabet[generator.nextIndex(below: alphabet.count)] })
        }
        let column = TextColumn(texts)
        for needle in ["a", "ab", "river", "ré", "c c", "bbb", " ", "ivé"] {
            let expected = texts.indices.filter { texts[$0].utf8.count >= needle.utf8.count && texts[$0].contains(needle) }
            #expect(Array(SliceComparison.rowsContaining(Array(needle.utf8), in: column)) == expected, "\(needle)")
        }
    }

    @Test func aMatchAcrossTwoRowsIsNotAMatch() {
        let column = TextColumn(["ab", "cd", "", "xbc", "b", "c"])
        #expect(Array(SliceComparison.rowsContaining(Array("bc".utf8), in: column)) == [3])
    }
}
