import Foundation
import Testing
@testable import ErrataCore

/// Column typing reads bytes without building strings where it can; the results must be
/// those of the string definitions.
@Suite struct ColumnTypingTests {
    @Test func categoriesBeyondTheByteCacheAndCanonicalEquivalents() {
        // 40 levels (more than the byte cache holds), then "é" composed and decomposed:
        // equal strings, so one level, as `String` comparison says.
        let values = (0 ..< 40).map { "level\($0)" } + ["caf\u{E9}", "cafe\u{301}", "", "NA", "level3"]
        var bad: [Int] = []
        guard case .categorical(let column) = TypeInference.convert(TextColumn(values), to: .categorical, badRows: &bad) else {
            Issue.record("not categorical")
            return
        }
        var expected = CategoricalColumn()
        for value in values { expected.append(value.isEmpty || value == "NA" ? nil : value) }
        #expect(column == expected)
        #expect(column.levels.count == 41)
        #expect(column.codes[40] == column.codes[41])
    }

    @Test func shortDecimalsParseAsStrtodDoes() {
        let cells = ["0", "-0", "2018", "0.402", "+1.5", "1.", ".5", "123456789012345", "0.1234567890123456",
                     "1e3", "-2.5E-3", "1.2.3", "+-1", "007", "3.14159",
                     // More digits than a 64-bit mantissa holds (these used to stop the program).
                     "123456789012345678901", "-99999999999999999999999.5", String(repeating: "9", count: 30)]
        for cell in cells {
            var text = cell
            let parsed = text.withUTF8 { TypeInference.parseNumber($0) }
            let reference = strtodWhole(cell)
            #expect(parsed?.bitPattern == reference?.bitPattern, "\(cell)")
        }
    }

    @Test func missingValueWords() {
        for (cell, missing) in [("", true), ("NA", true), ("N/A", true), ("NaN", true), ("nan", true), ("null", true),
                                ("NULL", true), ("None", true), ("none", true), ("Na", false), ("nul", false), ("2018", false),
                                ("Nan", false), ("nUll", false), ("n/a", false)] {
            var text = cell
            #expect(text.withUTF8 { TypeInference.isMissing($0) } == missing, "\(cell)")
        }
    }

    private func strtodWhole(_ text: String) -> Double? {
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            return end == UnsafeMutablePointer(mutating: start) + text.utf8.count && !text.isEmpty ? value : nil
        }
    }
}
