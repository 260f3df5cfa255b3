import ErrataCore
import Foundation
import Testing
@testable import Typology
import struct Typology.Tag

/// Span agreement on cases small enough to count the characters by hand.
@Suite struct SpanAgreementTests {
    private func spanTag(_ unit: String, _ category: String, _ start: Int, _ end: Int, by annotator: String, system: String = "mt") -> Tag {
        Tag(instance: unit, system: system, span: TextSpan(start: start, end: end), categories: [cat(category)], annotator: annotator, time: "")
    }

    private func judged(_ unit: String, by annotator: String, system: String = "mt") -> Tag {
        Tag(instance: unit, system: system, categories: [], annotator: annotator, time: "")
    }

    private func pair(_ tags: [Tag], references: Set<String> = []) throws -> SpanAgreement {
        let pairs = SpanAgreement.pairs(tags: tags, typology: .mqm, references: references)
        try #require(pairs.count == 1)
        return pairs[0]
    }

    private func counts(_ agreement: SpanAgreement, _ category: String) -> SpanAgreement.Counts? {
        agreement.categories.first { $0.category == category }?.counts
    }

    /// A marks [0, 10), B [5, 15): 5 shared of 10 each: P = R = F1 = 0.5.
    @Test func overlappingSpans() throws {
        let agreement = try pair([spanTag("1", "Style", 0, 10, by: "a"), spanTag("1", "Style", 5, 15, by: "b")])
        #expect(agreement.units == 1)
        #expect(agreement.overall == SpanAgreement.Counts(aCharacters: 10, bCharacters: 10, overlap: 5))
        #expect(agreement.overall.precision == 0.5 && agreement.overall.recall == 0.5 && agreement.overall.f1 == 0.5)
        #expect(counts(agreement, "Style")?.f1 == 0.5)
        #expect(counts(agreement, "Accuracy")?.f1 == nil)
    }

    /// A marks [0, 20), B [5, 10) inside it: P = 5/5 = 1, R = 5/20 = 0.25, F1 = 10/25 = 0.4.
    @Test func nestedSpans() throws {
        let agreement = try pair([spanTag("1", "Style", 0, 20, by: "a"), spanTag("1", "Style", 5, 10, by: "b")])
        #expect(agreement.overall.precision == 1)
        #expect(agreement.overall.recall == 0.25)
        #expect(agreement.overall.f1 == 0.4)
    }

    /// [0, 5) and [10, 15): nothing shared, every value 0 (defined: both marked something).
    @Test func disjointSpans() throws {
        let agreement = try pair([spanTag("1", "Style", 0, 5, by: "a"), spanTag("1", "Style", 10, 15, by: "b")])
        #expect(agreement.overall == SpanAgreement.Counts(aCharacters: 5, bCharacters: 5, overlap: 0))
        #expect(agreement.overall.precision == 0 && agreement.overall.recall == 0 && agreement.overall.f1 == 0)
    }

    /// Both judged the output, neither marked a character: nothing to divide by, all null.
    /// When only A marked: recall 0 and F1 0, precision (over B's nothing) null.
    @Test func noSpansAreUndefinedNotZero() throws {
        let none = try pair([judged("1", by: "a"), judged("1", by: "b")])
        #expect(none.units == 1)
        #expect(none.overall.precision == nil && none.overall.recall == nil && none.overall.f1 == nil)
        let oneSided = try pair([spanTag("1", "Style", 0, 4, by: "a"), judged("1", by: "b")])
        #expect(oneSided.overall.precision == nil && oneSided.overall.recall == 0 && oneSided.overall.f1 == 0)
    }

    /// An annotator's overlapping spans count their characters once: A's [0, 10) and [5, 12)
    /// are 12 characters; B's [8, 20) shares [8, 12): P = 4/12, R = 4/12.
    @Test func anAnnotatorsOwnOverlapsCountOnce() throws {
        let agreement = try pair([spanTag("1", "Style", 0, 10, by: "a"), spanTag("1", "Fluency", 5, 12, by: "a"),
                                  spanTag("1", "Style", 8, 20, by: "b")])
        #expect(agreement.overall == SpanAgreement.Counts(aCharacters: 12, bCharacters: 12, overlap: 4))
        // Per category: Style has A's [0, 10) against B's [8, 20): 2 shared, 10 and 12.
        #expect(counts(agreement, "Style") == SpanAgreement.Counts(aCharacters: 10, bCharacters: 12, overlap: 2))
        #expect(counts(agreement, "Fluency") == SpanAgreement.Counts(aCharacters: 7, bCharacters: 0, overlap: 0))
    }

    /// A category counts the spans of the categories below it; sums run over the units both
    /// judged (unit 2 is A's alone and does not count), the same characters of different
    /// systems are different characters.
    @Test func categoriesCountTheirChildrenAndUnitsAreSummed() throws {
        let agreement = try pair([
            spanTag("1", "Accuracy/Mistranslation", 0, 4, by: "a"), spanTag("1", "Accuracy/Omission", 0, 4, by: "b"),
            spanTag("1", "Style", 0, 6, by: "a", system: "other"), spanTag("1", "Style", 3, 6, by: "b", system: "other"),
            spanTag("2", "Style", 0, 50, by: "a"),
        ])
        #expect(agreement.units == 2)
        #expect(counts(agreement, "Accuracy") == SpanAgreement.Counts(aCharacters: 4, bCharacters: 4, overlap: 4))
        #expect(counts(agreement, "Accuracy/Mistranslation")?.f1 == 0)
        #expect(counts(agreement, "Accuracy/Mistranslation")?.precision == nil)
        // Overall: 4 + 3 shared of 4 + 6 (A) and 4 + 3 (B): P = 7/7, R = 7/10, F1 = 14/17.
        #expect(agreement.overall == SpanAgreement.Counts(aCharacters: 10, bCharacters: 7, overlap: 7))
        #expect(agreement.overall.f1 == 14.0 / 17)
    }

    /// An expert is A against a user whatever the names' order; no shared unit: units 0, null.
    @Test func expertsAreTheReferenceAndPairsWithoutSharedUnitsAreNull() throws {
        let agreement = try pair([spanTag("1", "Style", 0, 10, by: "ana"), spanTag("1", "Style", 0, 5, by: "rater1")],
                                 references: ["rater1"])
        #expect(agreement.a == "rater1" && agreement.b == "ana")
        #expect(agreement.overall.precision == 0.5 && agreement.overall.recall == 1)
        let apart = try pair([spanTag("1", "Style", 0, 10, by: "a"), spanTag("2", "Style", 0, 10, by: "b")])
        #expect(apart.units == 0 && apart.overall.f1 == nil)
    }

    @Test func agreementListsSpanPairsOnlyWhenSomeTagHasASpan() throws {
        let plain = Agreement(tags: [tag("1", ["Style"], system: "mt", annotator: "a"), tag("1", ["Style"], system: "mt", annotator: "b")],
                              typology: .mqm)
        #expect(plain.spans.isEmpty)
        let spanned = Agreement(tags: [spanTag("1", "Style", 0, 3, by: "a"), spanTag("1", "Style", 0, 3, by: "b"), spanTag("1", "Style", 0, 3, by: "c")],
                                typology: .mqm)
        #expect(spanned.spans.map { "\($0.a)-\($0.b)" } == ["a-b", "a-c", "b-c"])
        #expect(spanned.spans.allSatisfy { $0.overall.f1 == 1 })
    }

    @Test func theJSONSpellsOutNulls() throws {
        let agreement = try pair([spanTag("1", "Style", 0, 4, by: "a"), judged("1", by: "b")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(agreement), as: UTF8.self)
        #expect(json.contains(#""overall":{"a_characters":4,"b_characters":0,"f1":0,"overlap":0,"precision":null,"recall":0}"#))
        #expect(json.hasPrefix(#"{"a":"a","b":"b","categories":[{"a_characters":0,"b_characters":0,"category":"Accuracy","f1":null"#))
    }
}

extension SpanAgreementTests {
    /// Same categories, different spans: a disagreement once two annotators marked spans; a
    /// unit where only one marked spans is judged on its categories alone.
    @Test func differentSpansAreDisagreements() throws {
        let spanTag = { (unit: String, start: Int, end: Int, annotator: String) in
            Tag(instance: unit, system: "mt", span: TextSpan(start: start, end: end), categories: [cat("Style")], annotator: annotator, time: "")
        }
        let tags = [
            spanTag("1", 0, 4, "a"), spanTag("1", 0, 4, "b"),
            spanTag("2", 0, 4, "a"), spanTag("2", 0, 5, "b"),
            spanTag("3", 0, 4, "a"), tag("3", ["Style"], system: "mt", annotator: "b"),
        ]
        let agreement = Agreement(tags: tags, typology: .mqm)
        #expect(agreement.disagreements.map(\.instance) == ["2"])
        #expect(agreement.disagreements[0].annotations.map(\.spans) == [
            [Agreement.Disagreement.Mark(span: TextSpan(start: 0, end: 4), categories: ["Style"])],
            [Agreement.Disagreement.Mark(span: TextSpan(start: 0, end: 5), categories: ["Style"])],
        ])
    }
}
