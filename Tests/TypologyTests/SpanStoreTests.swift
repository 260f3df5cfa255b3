import ErrataCore
import ErrataTestSupport
import Foundation
import GRDB
import Testing
@testable import Typology
import struct Typology.Tag

/// Tags with a span: stored, exported, imported and migrated without losing it.
@Suite struct SpanStoreTests {
    private func spanned(_ instance: String, _ start: Int, _ end: Int, annotator: String = "ana") -> Tag {
        Tag(instance: instance, system: "mt", span: TextSpan(start: start, end: end), categories: [cat("Accuracy/Mistranslation")],
            severity: "major", annotator: annotator, time: "2026-11-26T22:40:01.123Z")
    }

    @Test func aSpanIsStoredEditedAndUndone() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let stored = try f.store.add(spanned("7", 3, 9))
        #expect(try f.reopen().tags().map(\.tag.span) == [TextSpan(start: 3, end: 9)])
        try f.store.replace(stored.id, with: spanned("7", 0, 2))
        #expect(try f.store.tags().map(\.tag.span) == [TextSpan(start: 0, end: 2)])
        _ = try f.store.undo()
        #expect(try f.store.tags().map(\.tag.span) == [TextSpan(start: 3, end: 9)])
    }

    @Test func exportWritesTheSpanAfterTheSystem() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(spanned("7", 3, 9))
        try f.store.add(tag("8", ["Style"], system: "mt"))
        #expect(try f.store.exportLines() == """
            {"instance":"7","system":"mt","span":[3,9],"categories":["Accuracy/Mistranslation"],"severity":"major","note":"",\
            "annotator":"ana","time":"2026-11-26T22:40:01.123Z"}
            {"instance":"8","system":"mt","span":null,"categories":["Style"],"severity":null,"note":"","annotator":"ana",\
            "time":"2026-11-26T22:40:01.123Z"}

            """)
    }

    /// Export, import into a fresh store, export again: the same bytes; a span differing by one
    /// character is another tag, the same span imported again is skipped.
    @Test func spansRoundTripExactly() throws {
        let f = try StoreFixture(), fresh = try StoreFixture()
        defer { f.remove(); fresh.remove() }
        try f.store.add(spanned("1", 0, 0))
        try f.store.add(spanned("1", 0, 1))
        try f.store.add(spanned("2", 12, 40))
        try f.store.add(tag("2", ["Style"], system: "mt"))
        let text = try f.store.exportLines()
        #expect(try fresh.store.importLines(text, file: "a.jsonl") == 4)
        #expect(try fresh.store.exportLines() == text)
        #expect(try fresh.store.importLines(text, file: "a.jsonl") == 0)
        #expect(try fresh.store.tags().map(\.tag) == f.store.tags().map(\.tag))
    }

    /// Lines written before spans existed have no `span` key: they read as tags without one.
    @Test func aLineWithoutASpanKeyReadsAsNoSpan() throws {
        let tags = try Tag.parseLines(#"{"instance":"1","system":"mt","categories":["Style"],"severity":null,"note":"","annotator":"a","time":"2026-11-26T22:40:01.123Z"}"#,
                                      file: "old.jsonl")
        #expect(tags.map(\.span) == [nil])
    }

    @Test func aBadSpanIsReportedByLine() throws {
        let cases: [(String, String)] = [
            (#""system":"mt","span":[5,2]"#, "key 'span'"),
            (#""system":"mt","span":[-1,2]"#, "key 'span'"),
            (#""system":"mt","span":[1,2,3]"#, "key 'span'"),
            (#""system":"mt","span":"1:2""#, "key 'span'"),
            (#""system":null,"span":[1,2]"#, "key 'span'"),
        ]
        for (fields, message) in cases {
            let line = #"{"instance":"1",\#(fields),"categories":["Style"],"annotator":"a","time":"2026-11-26T22:40:01.123Z"}"#
            let error = try #require(throws: TagFileError.self) { try Tag.parseLines("\n" + line, file: "s.jsonl") }
            #expect(error.line == 2)
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    /// A store written by the schema before spans (v1), with a tag, opens under the current
    /// schema: the tag is kept, without a span, and new tags take spans.
    @Test func aStoreFromBeforeSpansOpensUnchangedAndTakesSpans() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("tags.sqlite").path
        try writeVersionOneStore(path, """
            INSERT INTO categories (id, parentId, name, description, key, position) VALUES (1, NULL, 'Style', '', NULL, 0);
            INSERT INTO tags (id, instance, system, severity, note, annotator, time)
                VALUES (1, '7', 'mt', NULL, 'old', 'ana', '2026-11-26T22:40:01.123Z');
            INSERT INTO tag_categories (tagId, categoryId, position) VALUES (1, 1, 0);
            """)
        let store = try TagStore(path: path)
        #expect(try store.tags() == [StoredTag(id: 1, tag: tag("7", ["Style"], system: "mt", note: "old"))])
        try store.add(spanned("7", 2, 5))
        #expect(try TagStore(path: path).tags().map(\.tag.span) == [nil, TextSpan(start: 2, end: 5)])
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1", "v2-spans"])
    }
}
