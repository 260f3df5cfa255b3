import ErrataTestSupport
import Foundation
import GRDB
import Testing
@testable import Typology

@Suite struct SchemaTests {
    /// Released migration identifiers are part of the file format: stores in users' project
    /// folders record them. A new schema appends a migration; none is renamed or removed.
    @Test func migrationIdentifiersAreStable() {
        #expect(Schema.migrator.migrations == ["v1", "v2-spans"])
    }

    /// A file as the first errata wrote it (migrated to v1 only, rows written by plain SQL)
    /// opens, migrates to the current schema and keeps its data.
    @Test func aVersionOneFileOpensWithItsData() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("tags.sqlite").path
        try writeVersionOneStore(path, """
            UPDATE metadata SET value = 'mqm' WHERE key = 'typology';
            INSERT INTO severities (name, position) VALUES ('minor', 0), ('major', 1);
            INSERT INTO categories (id, parentId, name, description, key, position)
                VALUES (1, NULL, 'Accuracy', 'meaning', 'a', 0), (2, 1, 'Omission', '', NULL, 0);
            INSERT INTO tags (id, instance, system, severity, note, annotator, time)
                VALUES (1, '7', 'bert', 'major', 'n', 'ana', '2026-11-26T22:40:01.123Z');
            INSERT INTO tag_categories (tagId, categoryId, position) VALUES (1, 2, 0);
            """)
        let store = try TagStore(path: path)
        #expect(try store.tags() == [StoredTag(id: 1, tag: tag("7", ["Accuracy/Omission"], system: "bert", severity: "major", note: "n"))])
        #expect(try store.typology() == Typology(name: "mqm", severities: ["minor", "major"], categories: [
            .init("Accuracy", "meaning", key: "a", children: [.init("Omission")]),
        ]))
        #expect(try store.add(tag("8", ["Accuracy"])).id == 2)
    }

    @Test func aFileFromANewerErrataIsRefused() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try DatabaseQueue(path: f.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        #expect(throws: TypologyError.newerStore(f.path)) { try f.reopen() }
    }

    /// Names are unique among siblings, roots included (SQLite's UNIQUE lets NULL parents repeat).
    @Test func theSchemaKeepsSiblingNamesUnique() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["A/X", "B"]))
        let db = try DatabaseQueue(path: f.path)
        let insert = "INSERT INTO categories (parentId, name, position) VALUES (?, ?, 9)"
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: insert, arguments: [nil, "A"]) } }
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: insert, arguments: [1, "X"]) } }
        try db.write { try $0.execute(sql: insert, arguments: [3, "X"]) }
        #expect(try f.store.typology().paths.map(\.description) == ["A", "A/X", "B", "B/X"])
    }

    @Test func theStoreIsInWALMode() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let mode = try DatabaseQueue(path: f.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}
