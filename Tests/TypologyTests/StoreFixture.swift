import ErrataTestSupport
import Foundation
import GRDB
@testable import Typology

/// A store in a fresh temporary folder, and short ways to write paths and tags.
struct StoreFixture {
    let folder: TemporaryDirectory
    let path: String
    let store: TagStore

    init() throws {
        folder = try TemporaryDirectory()
        path = folder.url.appendingPathComponent("project/.errata/data/tags.sqlite").path
        store = try TagStore(path: path)
    }

    /// Another store object (another pool, as another process would have) on the same file.
    func reopen() throws -> TagStore { try TagStore(path: path) }

    func remove() { folder.remove() }
}

/// Writes a store at `path` as the first errata did (migrated to v1 only), with rows
/// inserted by `sql`: what tests of opening older files start from.
func writeVersionOneStore(_ path: String, _ sql: String) throws {
    let old = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(old, upTo: "v1")
    try old.write { try $0.execute(sql: sql) }
    try old.close()
}

func cat(_ text: String) -> CategoryPath { CategoryPath(text)! }

func tag(_ instance: String, _ categories: [String], system: String? = nil, severity: String? = nil, note: String = "",
         annotator: String = "ana", time: String = "2026-11-26T22:40:01.123Z") -> Tag {
    Tag(instance: instance, system: system, categories: categories.map(cat), severity: severity, note: note,
        annotator: annotator, time: time)
}

extension TagStore {
    /// Each tag's instance and category paths, in id order: what most tests assert.
    func tagged() throws -> [String] {
        try tags().map { "\($0.tag.instance): " + $0.tag.categories.map(\.description).joined(separator: ", ") }
    }
}
