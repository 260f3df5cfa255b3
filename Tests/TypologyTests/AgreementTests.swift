import Foundation
import Testing
@testable import Typology
// `Tag` alone would be ambiguous with Testing's.
import struct Typology.Tag

@Suite struct AgreementTests {
    private func row(_ agreement: Agreement, _ category: String) -> Agreement.Row? {
        agreement.rows.first { $0.category == category }
    }

    /// Two annotators reproduce the 2×2 table of `CoefficientTests` for Negation (κ = 0.4):
    /// units 1-20 both, 21-25 ann only, 26-35 bob only, 36-50 neither (an empty tag: looked at,
    /// nothing found). Unit 51 is ann's alone and does not count.
    @Test func twoAnnotatorsGetCohensKappa() throws {
        var tags: [Tag] = []
        for i in 1 ... 50 {
            tags.append(tag("\(i)", i <= 25 ? ["Negation"] : [], annotator: "ann"))
            tags.append(tag("\(i)", i <= 20 || (26 ... 35).contains(i) ? ["Negation"] : [], annotator: "bob"))
        }
        tags.append(tag("51", ["Negation"], annotator: "ann"))
        let agreement = Agreement(tags: tags, typology: .classification)
        #expect(agreement.method == .cohenKappa)
        #expect(agreement.units == 50)
        #expect(agreement.annotators == ["ann", "bob"])
        let negation = try #require(row(agreement, "Negation"))
        #expect(abs(negation.value! - 0.4) < 1e-12)
        #expect(abs(negation.observed! - 0.7) < 1e-12)
        let unused = try #require(row(agreement, "Sarcasm or irony"))
        #expect(unused.value == nil && unused.observed == 1 && unused.reason == Coefficient.noVariation)
        #expect(agreement.disagreements.map(\.instance) == (21 ... 35).map(String.init))
    }

    /// Three annotators a, b, c; for Negation (1 = has it, - = did not tag the unit):
    ///   unit "1": 1 1 1   unit "9": 1 0 -   unit "3": 0 0 0   unit "4": - 1 1   (unit "5": a alone)
    /// Coincidences: unit 1 adds 6 ordered pairs × 1/2 to o_11; unit 9 adds 1 to o_10 and o_01;
    /// unit 3 adds 3 to o_00; unit 4 adds 2 to o_11: o_11 = 5, o_00 = 3, o_10 = o_01 = 1, n_1 = 6,
    /// n_0 = 4, n = 10; α = 1 − 9·2 / (100 − 36 − 16) = 1 − 18/48 = 0.625; observed 8/10.
    /// For Label noise (c's Wrong label on unit 1): 0 0 1 / 0 0 - / 0 0 0 / - 0 0: o_00 = 8,
    /// o_01 = o_10 = 1, n_0 = 9, n_1 = 1; α = 1 − 9·2 / (100 − 81 − 1) = 0.
    /// Sarcasm (all three on unit 3 only): no off-diagonal coincidence, α = 1.
    /// (The `krippendorff` package gives 0.625, 0.0 and 1.0.)
    @Test func threeAnnotatorsGetKrippendorffsAlphaWithMissingJudgements() throws {
        let tags = [
            tag("1", ["Negation"], annotator: "a"), tag("1", ["Negation"], annotator: "b"),
            tag("1", ["Negation"], annotator: "c"), tag("1", ["Label noise/Wrong label"], annotator: "c"),
            tag("9", ["Negation"], annotator: "a"), tag("9", [], annotator: "b"),
            tag("3", ["Sarcasm or irony"], annotator: "a"), tag("3", ["Sarcasm or irony"], annotator: "b"),
            tag("3", ["Sarcasm or irony"], annotator: "c"),
            tag("4", ["Negation"], annotator: "b"), tag("4", ["Negation"], annotator: "c"),
            tag("5", ["Negation"], annotator: "a"),
        ]
        let agreement = Agreement(tags: tags, typology: .classification)
        #expect(agreement.method == .krippendorffAlpha)
        #expect(agreement.units == 4)
        #expect(agreement.annotators == ["a", "b", "c"])
        let negation = try #require(row(agreement, "Negation"))
        #expect(abs(negation.value! - 0.625) < 1e-12)
        #expect(abs(negation.observed! - 0.8) < 1e-12)
        #expect(abs(try #require(row(agreement, "Label noise")?.value)) < 1e-12)
        #expect(abs(try #require(row(agreement, "Label noise/Wrong label")?.value)) < 1e-12)
        #expect(try #require(row(agreement, "Sarcasm or irony")?.value) == 1)

        // Units 1 and 9 differ (c's extra category; b found nothing), ordered 1 before 9.
        #expect(agreement.disagreements.map(\.instance) == ["1", "9"])
        #expect(agreement.disagreements[0].annotations == [
            .init(annotator: "a", categories: ["Negation"]), .init(annotator: "b", categories: ["Negation"]),
            .init(annotator: "c", categories: ["Label noise/Wrong label", "Negation"]),
        ])
        #expect(agreement.disagreements[1].annotations.map(\.categories) == [["Negation"], []])
    }

    @Test func disagreementsAreOrderedByInstanceNumberThenSystem() {
        let tags = ["10", "9"].flatMap { id in
            [nil, "B", "A"].flatMap { system in
                [tag(id, ["Negation"], system: system, annotator: "a"), tag(id, [], system: system, annotator: "b")]
            }
        }
        let order = Agreement(tags: tags, typology: .classification).disagreements.map { "\($0.instance) \($0.system ?? "-")" }
        #expect(order == ["9 -", "9 A", "9 B", "10 -", "10 A", "10 B"])
    }

    @Test func oneAnnotatorHasNoAgreement() throws {
        let agreement = Agreement(tags: [tag("1", ["Negation"], annotator: "a")], typology: .classification)
        #expect(agreement.method == nil)
        #expect(agreement.units == 0)
        #expect(agreement.rows.count == Typology.classification.paths.count)
        #expect(agreement.rows.allSatisfy { $0.value == nil && $0.reason == "no unit was tagged by two or more annotators" })
        #expect(agreement.disagreements.isEmpty)
    }

    @Test func jsonWritesNullsAndSnakeCase() throws {
        let agreement = Agreement(tags: [tag("1", ["Negation"], annotator: "a")], typology: .classification)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(agreement)) as! [String: Any]
        #expect(Set(object.keys) == ["method", "units", "annotators", "rows", "disagreements", "spans"])
        #expect(object["method"] is NSNull)
        let first = (object["rows"] as! [[String: Any]])[0]
        #expect(Set(first.keys) == ["category", "value", "observed", "reason"])
        #expect(first["value"] is NSNull)
    }
}
