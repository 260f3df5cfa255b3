import Foundation
import Testing
@testable import Typology

@Suite struct CategoryPathTests {
    @Test func parsesAndPrintsPaths() throws {
        let path = try #require(CategoryPath(" Accuracy / Omission "))
        #expect(path.components == ["Accuracy", "Omission"])
        #expect(path.description == "Accuracy/Omission")
        #expect(path.name == "Omission")
        #expect(path.parent == CategoryPath("Accuracy"))
        #expect(CategoryPath("Accuracy")?.parent == nil)
    }

    @Test func rejectsEmptyComponents() {
        #expect(CategoryPath("") == nil)
        #expect(CategoryPath("/a") == nil)
        #expect(CategoryPath("a//b") == nil)
        #expect(CategoryPath("a/ ") == nil)
    }

    @Test func containsItselfAndDescendantsOnly() throws {
        let accuracy = try #require(CategoryPath("Accuracy"))
        #expect(accuracy.contains(try #require(CategoryPath("Accuracy/Omission"))))
        #expect(accuracy.contains(accuracy))
        #expect(!accuracy.contains(try #require(CategoryPath("AccuracyX"))))
        #expect(!(try #require(CategoryPath("Accuracy/Omission"))).contains(accuracy))
    }

    @Test func typologyListsPathsDepthFirst() {
        let t = Typology(name: "t", categories: [
            .init("A", children: [.init("B"), .init("C", children: [.init("D")])]),
            .init("E"),
        ])
        #expect(t.paths.map(\.description) == ["A", "A/B", "A/C", "A/C/D", "E"])
        #expect(t.category(at: CategoryPath(components: ["A", "C"]))?.children.count == 1)
    }
}

@Suite struct AnnotatorTests {
    @Test func optionThenEnvironmentThenUser() {
        #expect(Annotator.name(option: "ana", environment: ["ERRATA_ANNOTATOR": "bo", "USER": "cy"]) == "ana")
        #expect(Annotator.name(option: nil, environment: ["ERRATA_ANNOTATOR": "bo", "USER": "cy"]) == "bo")
        #expect(Annotator.name(option: " ", environment: ["USER": "cy"]) == "cy")
        #expect(Annotator.name(option: nil, environment: [:]) == "anonymous")
    }
}

@Suite struct TagTimeTests {
    @Test func timesAreUTCWithMilliseconds() {
        #expect(Tag.time(Date(timeIntervalSince1970: 1_795_000_000.25)) == "2026-11-18T11:06:40.250Z")
        #expect(Tag.isValidTime("2026-11-26T22:40:01.123Z"))
        #expect(Tag.isValidTime("2026-11-26T22:40:01Z"))
        #expect(!Tag.isValidTime("yesterday"))
        #expect(!Tag.isValidTime("2026-13-26T22:40:01Z"))
    }
}
