import GRDB

/// The tables of `tags.sqlite`, as GRDB migrations.
///
/// Migration identifiers and their SQL are part of the file format: a released migration is
/// never edited or renamed (files in users' project folders have it applied); a schema change
/// is a new migration appended here. The SQL is written out rather than built with GRDB's
/// table DSL so that what a migration creates cannot change with a GRDB upgrade.
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE metadata (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                INSERT INTO metadata (key, value) VALUES ('typology', '');

                -- AUTOINCREMENT: ids are never reused, so undo and redo can put a deleted
                -- category or tag back under its old id without taking another's.
                CREATE TABLE categories (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    parentId INTEGER REFERENCES categories(id),
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    key TEXT UNIQUE,
                    position INTEGER NOT NULL,
                    UNIQUE (parentId, name)
                );
                -- UNIQUE (parentId, name) lets roots (parentId NULL) repeat a name: SQLite
                -- treats NULLs as distinct.
                CREATE UNIQUE INDEX categories_root_name ON categories(name) WHERE parentId IS NULL;

                CREATE TABLE severities (
                    name TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL
                );

                CREATE TABLE tags (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    instance TEXT NOT NULL,
                    system TEXT,
                    severity TEXT,
                    note TEXT NOT NULL,
                    annotator TEXT NOT NULL,
                    time TEXT NOT NULL
                );
                CREATE INDEX tags_instance ON tags(instance);

                -- position keeps a tag's categories in the order they were given, so export
                -- and import are an exact round trip.
                CREATE TABLE tag_categories (
                    tagId INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                    categoryId INTEGER NOT NULL REFERENCES categories(id),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (tagId, categoryId)
                );
                CREATE INDEX tag_categories_category ON tag_categories(categoryId);

                CREATE TABLE queues (
                    name TEXT PRIMARY KEY NOT NULL,
                    json TEXT NOT NULL
                );
                """)
        }
        // A tag's place in the system's output (Unicode scalars, half-open): both NULL for a
        // tag about the whole output, which is every tag a v1 store holds.
        migrator.registerMigration("v2-spans") { db in
            try db.execute(sql: """
                ALTER TABLE tags ADD COLUMN spanStart INTEGER;
                ALTER TABLE tags ADD COLUMN spanEnd INTEGER;
                """)
        }
        return migrator
    }()

    /// Brings the file at `path` up to date. Two processes opening a new store at the same
    /// moment may both start "v1": the second waits for the first's write lock, fails on the
    /// tables that now exist and rolls back, and then finds the migrations applied.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        if try pool.read(migrator.hasBeenSuperseded) { throw TypologyError.newerStore(path) }
        do {
            try migrator.migrate(pool)
        } catch {
            guard try pool.read(migrator.hasCompletedMigrations) else { throw error }
        }
    }
}
