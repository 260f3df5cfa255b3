import Testing
@testable import Typology

@Suite struct PresetTests {
    @Test func presetsAreFoundByName() {
        #expect(Typology.presetNames == ["mqm", "vilar", "classification"])
        #expect(Typology.preset(named: "mqm") == .mqm)
        #expect(Typology.preset(named: "MQM") == .mqm)
        #expect(Typology.preset(named: "vilar") == .vilar2006)
        #expect(Typology.preset(named: "classification") == .classification)
        #expect(Typology.preset(named: "wmt") == nil)
    }

    @Test func mqmHasWmtCategoriesAndSeverities() {
        let mqm = Typology.mqm
        #expect(mqm.severities == ["neutral", "minor", "major"])
        #expect(mqm.categories.map(\.name) == ["Accuracy", "Fluency", "Terminology", "Style", "Locale convention",
                                               "Other", "Non-translation", "Source error"])
        #expect(mqm.category(at: CategoryPath(components: ["Accuracy"]))?.children.map(\.name)
            == ["Mistranslation", "Addition", "Omission", "Untranslated"])
        #expect(mqm.category(at: CategoryPath(components: ["Fluency"]))?.children.map(\.name)
            == ["Grammar", "Spelling", "Punctuation", "Register", "Inconsistency", "Character encoding"])
        #expect(mqm.paths.count == 8 + 4 + 6 + 2 + 1 + 6)
    }

    @Test func vilarIsHierarchical() {
        let paths = Typology.vilar2006.paths.map(\.description)
        #expect(Typology.vilar2006.categories.map(\.name) == ["Missing words", "Word order", "Incorrect words",
                                                              "Unknown words", "Punctuation"])
        #expect(paths.contains("Word order/Phrase level/Long range"))
        #expect(paths.contains("Incorrect words/Sense/Incorrect disambiguation"))
        #expect(Typology.vilar2006.severities.isEmpty)
    }

    /// Every category is described; top-level categories have distinct digit keys (the
    /// workbench's own keys are letters and punctuation), others none.
    @Test(arguments: Typology.presetNames)
    func categoriesAreDescribedAndKeyed(_ name: String) throws {
        let typology = try #require(Typology.preset(named: name))
        #expect(typology.entries.allSatisfy { !$0.category.description.isEmpty })
        let keys = typology.categories.compactMap(\.key)
        #expect(keys == (1 ... typology.categories.count).map(String.init))
        #expect(typology.entries.filter { $0.path.components.count > 1 }.allSatisfy { $0.category.key == nil })
    }
}
