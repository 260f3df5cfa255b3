import Testing
@testable import Typology

@Suite struct CategoryEditingTests {
    @Test func renameKeepsEveryTagAndRenamesPathsBelow() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["Accuracy/Omission"]))
        try f.store.add(tag("2", ["Accuracy", "Fluency"]))
        try f.store.renameCategory(cat("Accuracy"), to: " Adequacy ")
        #expect(try f.store.tagged() == ["1: Adequacy/Omission", "2: Adequacy, Fluency"])
        #expect(try f.store.typology().paths.map(\.description) == ["Adequacy", "Adequacy/Omission", "Fluency"])
    }

    @Test func renameRefusesSiblingNamesAndBadNames() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["Accuracy/Omission", "Accuracy/Addition", "Fluency"]))
        #expect(throws: TypologyError.nameTaken(cat("Fluency"))) { try f.store.renameCategory(cat("Accuracy"), to: "Fluency") }
        #expect(throws: TypologyError.nameTaken(cat("Accuracy/Addition"))) {
            try f.store.renameCategory(cat("Accuracy/Omission"), to: "Addition")
        }
        #expect(throws: TypologyError.invalidName("a/b")) { try f.store.renameCategory(cat("Fluency"), to: "a/b") }
        #expect(throws: TypologyError.invalidName(" ")) { try f.store.renameCategory(cat("Fluency"), to: " ") }
        #expect(throws: TypologyError.unknownCategory(cat("Style"))) { try f.store.renameCategory(cat("Style"), to: "X") }
        #expect(throws: TypologyError.categoryExists(cat("Fluency"))) { try f.store.createCategory(cat("Fluency")) }
        #expect(TypologyError.nameTaken(cat("Accuracy/Addition")).description == "there is already a category 'Accuracy/Addition'")
        #expect(try f.store.tagged() == ["1: Accuracy/Omission, Accuracy/Addition, Fluency"])
    }

    @Test func moveKeepsTagsAndRefusesCyclesAndClashes() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["Accuracy/Omission/Partial"]))
        try f.store.add(tag("2", ["Fluency/Omission", "Style"]))
        #expect(throws: TypologyError.unknownCategory(cat("Nowhere"))) {
            try f.store.moveCategory(cat("Accuracy/Omission"), under: cat("Nowhere"))
        }
        #expect(throws: TypologyError.moveUnderItself(cat("Accuracy"), under: cat("Accuracy/Omission/Partial"))) {
            try f.store.moveCategory(cat("Accuracy"), under: cat("Accuracy/Omission/Partial"))
        }
        #expect(throws: TypologyError.moveUnderItself(cat("Accuracy"), under: cat("Accuracy"))) {
            try f.store.moveCategory(cat("Accuracy"), under: cat("Accuracy"))
        }
        #expect(throws: TypologyError.nameTaken(cat("Fluency/Omission"))) {
            try f.store.moveCategory(cat("Accuracy/Omission"), under: cat("Fluency"))
        }
        try f.store.moveCategory(cat("Accuracy/Omission"), under: cat("Style"))
        #expect(try f.store.tagged() == ["1: Style/Omission/Partial", "2: Fluency/Omission, Style"])
        try f.store.moveCategory(cat("Style/Omission/Partial"), under: nil)
        #expect(try f.store.tagged() == ["1: Partial", "2: Fluency/Omission, Style"])
        #expect(try f.store.typology().paths.map(\.description)
            == ["Accuracy", "Fluency", "Fluency/Omission", "Style", "Style/Omission", "Partial"])
    }

    @Test func mergeRepointsTagsOnceAndMergesChildrenByName() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["Accuracy"]))
        try f.store.add(tag("2", ["Accuracy", "Fluency"]))
        try f.store.add(tag("3", ["Accuracy/Omission"]))
        try f.store.add(tag("4", ["Fluency/Omission", "Accuracy/Omission"]))
        try f.store.add(tag("5", ["Accuracy/Omission/Partial"]))
        try f.store.add(tag("6", ["Accuracy/Addition", "Fluency"]))
        try f.store.mergeCategory(cat("Accuracy"), into: cat("Fluency"))
        #expect(try f.store.tagged() == [
            "1: Fluency", "2: Fluency", "3: Fluency/Omission", "4: Fluency/Omission",
            "5: Fluency/Omission/Partial", "6: Fluency/Addition, Fluency",
        ])
        #expect(try f.store.typology().paths.map(\.description)
            == ["Fluency", "Fluency/Omission", "Fluency/Omission/Partial", "Fluency/Addition"])
    }

    @Test func mergeRefusesItselfAndItsDescendants() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["Accuracy/Omission", "Fluency"]))
        #expect(throws: TypologyError.mergeIntoItself(cat("Accuracy"), into: cat("Accuracy"))) {
            try f.store.mergeCategory(cat("Accuracy"), into: cat("Accuracy"))
        }
        #expect(throws: TypologyError.mergeIntoItself(cat("Accuracy"), into: cat("Accuracy/Omission"))) {
            try f.store.mergeCategory(cat("Accuracy"), into: cat("Accuracy/Omission"))
        }
        #expect(throws: TypologyError.unknownCategory(cat("Style"))) { try f.store.mergeCategory(cat("Style"), into: cat("Fluency")) }
        #expect(try f.store.tagged() == ["1: Accuracy/Omission, Fluency"])
    }

    /// Merging a category into its parent, when it has a child of its own name: that child
    /// meets the source itself as its namesake; every tag must still arrive in the parent.
    @Test func mergeIntoTheParentKeepsTagsOfNamesakeChildren() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.add(tag("1", ["A/B/B"]))
        try f.store.add(tag("2", ["A/B/B/C", "A/B"]))
        try f.store.add(tag("3", ["A/B/D"]))
        try f.store.mergeCategory(cat("A/B"), into: cat("A"))
        #expect(try f.store.tagged() == ["1: A", "2: A/C, A", "3: A/D"])
        #expect(try f.store.typology().paths.map(\.description) == ["A", "A/D", "A/C"])
    }

    @Test func keysAreUniqueAndCanBeCleared() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.createCategory(cat("Accuracy/Omission"), description: "content left out", key: "o")
        try f.store.add(tag("1", ["Fluency"]))
        #expect(throws: TypologyError.keyTaken("o", by: cat("Accuracy/Omission"))) { try f.store.setKey("o", for: cat("Fluency")) }
        #expect(throws: TypologyError.keyTaken("o", by: cat("Accuracy/Omission"))) {
            try f.store.createCategory(cat("Style"), key: "o")
        }
        try f.store.setKey(nil, for: cat("Accuracy/Omission"))
        try f.store.setKey("o", for: cat("Fluency"))
        #expect(try f.store.typology().categories == [
            .init("Accuracy", children: [.init("Omission", "content left out")]),
            .init("Fluency", key: "o"),
        ])
    }
}
