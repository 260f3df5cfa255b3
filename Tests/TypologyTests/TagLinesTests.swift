import Testing
@testable import Typology

@Suite struct TagLinesTests {
    @Test func exportWritesTheDocumentedShape() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("17", ["Accuracy/Omission", "Fluency"], severity: "major", note: "drops \"not\" – négation"))
        try f.store.add(tag("18", ["Style"], system: "bert", annotator: "bo", time: "2026-11-27T08:00:00.000Z"))
        #expect(try f.store.exportLines() == """
            {"instance":"17","system":null,"span":null,"categories":["Accuracy/Omission","Fluency"],"severity":"major",\
            "note":"drops \\"not\\" – négation","annotator":"ana","time":"2026-11-26T22:40:01.123Z"}
            {"instance":"18","system":"bert","span":null,"categories":["Style"],"severity":null,"note":"","annotator":"bo",\
            "time":"2026-11-27T08:00:00.000Z"}

            """)
    }

    @Test func exportThenImportIntoAFreshStoreIsByteIdentical() throws {
        let f = try StoreFixture(), fresh = try StoreFixture()
        defer { f.remove(); fresh.remove() }
        try f.store.importTypology(Typology(name: "mqm", severities: ["minor", "major"], categories: []))
        try f.store.add(tag("1", ["Accuracy/Omission", "Fluency"], severity: "minor", note: "line\nbreak\ttab \u{2028} / \\"))
        try f.store.add(tag("2", ["Fluency"], system: "lr", note: "emoji 👩‍🔬 and 日本語"))
        try f.store.add(tag("1", ["Fluency"], system: "lr", severity: "major"))
        try f.store.add(tag("1", ["Fluency"], system: "lr", severity: "major"))  // a copy: kept as a copy
        try f.store.renameCategory(cat("Fluency"), to: "Grammar")
        let text = try f.store.exportLines()
        #expect(try fresh.store.importLines(text, file: "tags.jsonl") == 4)
        #expect(try fresh.store.exportLines() == text)
        #expect(try fresh.store.typology().paths.map(\.description) == ["Accuracy", "Accuracy/Omission", "Grammar"])
    }

    @Test func aMalformedLineIsReportedByNumberAndNothingIsImported() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("0", ["A"]))
        let good = try TagLines.encode([tag("1", ["B"]), tag("2", ["C"])])
        let cases: [(String, String)] = [
            (#"{"instance":"3","categories":["D"],"note":"","time":"2026-11-26T22:40:01.123Z"}"#, "missing key 'annotator'"),
            (#"{"instance":"3","categories":["D"],"annotator":"x","time":"#, "not valid JSON"),
            (#"{"instance":"3","categories":["D//E"],"annotator":"x","time":"2026-11-26T22:40:01.123Z"}"#,
             "key 'categories': 'D//E' is not a category path"),
            (#"{"instance":3,"categories":["D"],"annotator":"x","time":"2026-11-26T22:40:01.123Z"}"#,
             "key 'instance': expected a string"),
            (#"{"instance":"3","categories":["D"],"annotator":"x","time":"yesterday"}"#,
             "key 'time': 'yesterday' is not an ISO-8601 time"),
        ]
        for (line, message) in cases {
            // Line 4: two good lines, a blank one, then the bad one.
            let error = try #require(throws: TagFileError.self) {
                try f.store.importLines(good + "\n" + line + "\n", file: "review.jsonl")
            }
            #expect(error.line == 4)
            #expect(error.file == "review.jsonl")
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.description.hasPrefix("review.jsonl:4: \(message)"))
            #expect(try f.store.tagged() == ["0: A"])
            #expect(try f.store.typology().paths == [cat("A")])
        }
    }

    @Test func importingTwiceOrMergingOverlappingExportsAddsEachTagOnce() throws {
        let a = try StoreFixture(), b = try StoreFixture(), merged = try StoreFixture()
        defer { a.remove(); b.remove(); merged.remove() }
        try a.store.add(tag("1", ["A"], annotator: "ana"))
        try a.store.add(tag("2", ["B"], annotator: "ana"))
        try b.store.importLines(a.store.exportLines(), file: "a.jsonl")
        try b.store.add(tag("1", ["A"], annotator: "bo"))
        #expect(try merged.store.importLines(a.store.exportLines(), file: "a.jsonl") == 2)
        #expect(try merged.store.importLines(a.store.exportLines(), file: "a.jsonl") == 0)
        #expect(try merged.store.importLines(b.store.exportLines(), file: "b.jsonl") == 1)
        #expect(try merged.store.exportLines() == b.store.exportLines())
    }

    @Test func importAcceptsCRLFAndBlankLinesAndAddsSeveritiesTheTypologyLacks() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.importTypology(Typology(name: "mqm", severities: ["minor"], categories: []))
        let lines = try TagLines.encode([tag("1", ["A"], severity: "critical"), tag("2", ["A"], severity: "minor")])
        #expect(try f.store.importLines("\r\n" + lines.replacingOccurrences(of: "\n", with: "\r\n") + "  \n", file: "x") == 2)
        #expect(try f.store.typology().severities == ["minor", "critical"])
        #expect(try f.store.tags().map(\.tag.severity) == ["critical", "minor"])
    }
}
