import Testing
@testable import Typology

/// One kind of action, done on a store that already holds tags and categories.
struct UndoCase: Sendable, CustomStringConvertible {
    var description: String
    var summary: String
    var run: @Sendable (TagStore) throws -> Void
}

@Suite struct UndoTests {
    static let cases: [UndoCase] = [
        UndoCase(description: "add", summary: "tag 9") { try $0.add(tag("9", ["Accuracy/New/Deeper", "Fluency"])) },
        UndoCase(description: "replace", summary: "edit tag of 1") {
            try $0.replace(1, with: tag("1", ["Style"], severity: "major", note: "changed"))
        },
        UndoCase(description: "delete", summary: "delete tag 2") { try $0.delete(2) },
        UndoCase(description: "create", summary: "create 'Style/Register'") {
            try $0.createCategory(cat("Style/Register"), description: "too formal", key: "r")
        },
        UndoCase(description: "rename", summary: "rename 'Accuracy' to 'Adequacy'") {
            try $0.renameCategory(cat("Accuracy"), to: "Adequacy")
        },
        UndoCase(description: "move", summary: "move 'Accuracy/Omission' under 'Fluency'") {
            try $0.moveCategory(cat("Accuracy/Omission"), under: cat("Fluency"))
        },
        UndoCase(description: "merge", summary: "merge 'Accuracy' into 'Fluency'") {
            try $0.mergeCategory(cat("Accuracy"), into: cat("Fluency"))
        },
        UndoCase(description: "set key", summary: "set key of 'Fluency'") { try $0.setKey("f", for: cat("Fluency")) },
        UndoCase(description: "import typology", summary: "import typology 'mqm'") {
            try $0.importTypology(Typology(name: "mqm", severities: ["critical"], categories: [
                .init("Accuracy", "meaning", key: "a", children: [.init("Mistranslation")]),
            ]))
        },
        UndoCase(description: "import lines", summary: "import more.jsonl") {
            try $0.importLines(TagLines.encode([tag("1", ["Accuracy"]), tag("8", ["Terminology"], severity: "minor")]),
                               file: "more.jsonl")
        },
    ]

    /// Tags 1-3 over `Accuracy`, `Accuracy/Omission` (with a child), `Fluency` and `Style`.
    static func seeded() throws -> StoreFixture {
        let f = try StoreFixture()
        try f.store.importTypology(Typology(name: "", severities: ["minor", "major"], categories: [.init("Style")]))
        try f.store.add(tag("1", ["Accuracy/Omission", "Fluency"]))
        try f.store.add(tag("2", ["Accuracy", "Fluency"], severity: "minor"))
        try f.store.add(tag("3", ["Accuracy/Omission/Partial"]))
        return f
    }

    @Test(arguments: cases) func undoRestoresAndRedoRepeatsExactly(_ action: UndoCase) throws {
        let f = try Self.seeded()
        defer { f.remove() }
        let before = (try f.store.tags(), try f.store.typology())
        try action.run(f.store)
        let after = (try f.store.tags(), try f.store.typology())
        #expect(after.0 != before.0 || after.1 != before.1, "the action changed nothing")
        #expect(try f.store.undo() == action.summary)
        #expect(try f.store.tags() == before.0)
        #expect(try f.store.typology() == before.1)
        #expect(try f.store.redo() == action.summary)
        #expect(try f.store.tags() == after.0)
        #expect(try f.store.typology() == after.1)
        // What a reopened store (another process) sees is the same: undo and redo committed.
        #expect(try f.reopen().tags() == after.0)
    }

    @Test func undoesNewestFirstAndANewActionClearsRedo() throws {
        let f = try Self.seeded()
        defer { f.remove() }
        let start = try f.store.tagged()
        let added = try f.store.add(tag("4", ["Fluency"]))
        try f.store.replace(added.id, with: tag("4", ["Style"]))
        #expect(try f.store.undo() == "edit tag of 4")
        #expect(try f.store.tagged() == start + ["4: Fluency"])
        #expect(try f.store.undo() == "tag 4")
        #expect(try f.store.tagged() == start)
        #expect(try f.store.redo() == "tag 4")
        #expect(try f.store.redo() == "edit tag of 4")
        #expect(try f.store.tags().last == StoredTag(id: added.id, tag: tag("4", ["Style"])))
        #expect(try f.store.redo() == nil)
        #expect(try f.store.undo() == "edit tag of 4")
        try f.store.delete(1)
        #expect(try f.store.redo() == nil)
    }

    @Test func undoesOnlyThisObjectsActions() throws {
        let f = try Self.seeded()
        defer { f.remove() }
        let other = try f.reopen()
        try other.add(tag("5", ["Fluency"]))
        #expect(try f.store.undo() == "tag 3")
        #expect(try f.store.undo() == "tag 2")
        #expect(try f.store.tagged() == ["1: Accuracy/Omission, Fluency", "5: Fluency"])
    }

    @Test func anActionThatCannotBeUndoneIsDroppedWithAnError() throws {
        let f = try Self.seeded()
        defer { f.remove() }
        let added = try f.store.add(tag("4", ["Fluency"]))
        try f.reopen().delete(added.id)
        #expect(throws: TypologyError.self) { try f.store.undo() }
        #expect(try f.store.undo() == "tag 3")
        #expect(try f.store.tagged() == ["1: Accuracy/Omission, Fluency", "2: Accuracy, Fluency"])
    }

    @Test func nothingToUndoOrRedo() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        #expect(try f.store.undo() == nil)
        #expect(try f.store.redo() == nil)
        // A change that changes nothing is no action.
        try f.store.createCategory(cat("A"), key: "a")
        try f.store.setKey("a", for: cat("A"))
        try f.store.renameCategory(cat("A"), to: "A")
        #expect(try f.store.undo() == "create 'A'")
        #expect(try f.store.undo() == nil)
    }
}

@Suite struct SeedingTests {
    @Test func aSeededTypologyIsNotUndoneAndSeedsOnlyAnEmptyStore() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let preset = Typology(name: "p", categories: [.init("A", children: [.init("B")])])
        #expect(try f.store.seedTypology(preset))
        #expect(try f.store.undo() == nil)
        #expect(try f.store.typology().paths.map(\.description) == ["A", "A/B"])
        #expect(try !f.store.seedTypology(Typology(name: "q", categories: [.init("C")])))
        #expect(try f.store.typology().paths.map(\.description) == ["A", "A/B"])
    }
}
