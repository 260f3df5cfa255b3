import ErrataTestSupport
import Testing
@testable import ErrataCore

/// `tagged()` and `tags()`: the annotations of a dataset in the slice language.
@Suite struct TagSliceTests {
    let analysis: Analysis

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
        let ids = analysis.dataset.ids
        analysis.tags = InstanceTags(entries: [
            .init(instance: ids[1], system: "bert", categories: ["Accuracy/Omission"]),
            .init(instance: ids[1], system: "lr", categories: ["Fluency"]),
            .init(instance: ids[4], system: "bert", categories: ["Accuracy", "Style/Awkward"]),
            .init(instance: ids[7], system: nil, categories: ["Label noise"]),
            .init(instance: "not in the dataset", system: "bert", categories: ["Accuracy"]),
            // A category whose name merely starts like another is not below it.
            .init(instance: ids[9], system: "lr", categories: ["AccuracyX"]),
        ])
    }

    func rows(_ expression: String) throws -> [Int] {
        Array(try analysis.evaluator.rows(where: expression))
    }

    @Test func taggedSelectsACategoryAndEverythingBelowIt() throws {
        #expect(try rows(#"tagged("Accuracy")"#) == [1, 4])
        #expect(try rows(#"tagged("Accuracy/Omission")"#) == [1])
        #expect(try rows(#"tagged("AccuracyX")"#) == [9])
        #expect(try rows(#"tagged("Omission")"#) == [])
        #expect(try rows("tagged()") == [1, 4, 7, 9])
    }

    @Test func taggedNarrowsToASystem() throws {
        #expect(try rows(#"tagged("Accuracy", lr)"#) == [])
        #expect(try rows("tagged(lr)") == [1, 9])
        #expect(try rows(#"tagged(bert, "Style")"#) == [4])
        #expect(try rows(#"tagged() and not tagged(bert) and genre == "horror""#) == [7])
    }

    @Test func tagsIsAListOfCategoriesPerInstance() throws {
        let value = try analysis.evaluator.evaluate(SliceExpression.parse("tags(bert)"), "tags(bert)")
        guard case .lists(let lists) = value else { Issue.record("expected a list, got \(value)"); return }
        #expect(lists.values(1) == ["Accuracy/Omission"])
        #expect(lists.values(4) == ["Accuracy", "Style/Awkward"])
        #expect(lists.values(7) == [])
        #expect(try rows(#"tags() contains "Fluency""#) == [1])
        let groups = try analysis.groups(by: "tags()", within: .all(analysis.dataset.count))
        #expect(groups.map(\.name) == ["Accuracy", "Accuracy/Omission", "AccuracyX", "Fluency", "Label noise", "Style/Awkward"].map { "tags() has \($0)" })
        #expect(groups.map { Array($0.rows) } == [[4], [1], [9], [1], [7], [4]])
    }

    @Test func misuseNamesTheArgument() throws {
        #expect(throws: SliceError.self) { try rows("tagged(nosuchsystem)") }
        #expect(throws: SliceError.self) { try rows("tagged(1)") }
        #expect(throws: SliceError.self) { try rows(#"tags("Accuracy")"#) }
        // Without a store, nothing is tagged: the language still knows the functions.
        #expect(Array(try SliceEvaluator(dataset: analysis.dataset).rows(where: "tagged()")) == [])
    }

    @Test func counterfactualAndFlippedSelectTheEditedInstances() throws {
        let ids = analysis.dataset.ids
        analysis.tags.edits = [
            .init(parent: ids[2], system: "bert", flipped: true),
            .init(parent: ids[2], system: "lr", flipped: false),
            .init(parent: ids[5], system: "lr", flipped: false),
            .init(parent: "not in the dataset", system: "bert", flipped: true),
        ]
        #expect(try rows("counterfactual") == [2, 5])
        #expect(try rows("counterfactual()") == [2, 5])
        #expect(try rows("counterfactual(lr)") == [2, 5])
        #expect(try rows("counterfactual(bert)") == [2])
        #expect(try rows("flipped") == [2])
        #expect(try rows("flipped(lr)") == [])
        #expect(try rows("counterfactual and not flipped") == [5])
        #expect(throws: SliceError.self) { try rows("counterfactual(nosuchsystem)") }
        #expect(throws: SliceError.self) { try rows(#"flipped("Accuracy")"#) }
        // Without kept edits the names still mean something: no instance.
        #expect(Array(try SliceEvaluator(dataset: analysis.dataset).rows(where: "counterfactual")) == [])
    }
}
