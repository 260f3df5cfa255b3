import ErrataCore
import Testing
@testable import Typology
import struct Typology.Tag

/// Expert ratings read as tags: one per error, the rater as annotator, MQM names as paths.
@Suite struct ExpertTagsTests {
    static let ratings = ExpertRatings(ratings: [
        ExpertRating(instance: "talk.1:1", system: "Nemo", rater: "rater4", errors: [
            ExpertError(category: "Accuracy/Mistranslation", severity: "Minor", span: TextSpan(start: 128, end: 149), line: 4),
            ExpertError(category: "Non-translation!", severity: "Major", span: TextSpan(start: 0, end: 160), line: 5),
            ExpertError(category: "Source error", severity: "Neutral", sourceSpan: TextSpan(start: 3, end: 8), line: 6),
        ]),
        ExpertRating(instance: "talk.1:1", system: "ref", rater: "rater1", errors: []),
        ExpertRating(instance: "talk.1:2", system: "ref", rater: "rater1", errors: [
            ExpertError(category: " Fluency / / Punctuation ", severity: "Minor", line: 9),
            ExpertError(category: "/", severity: "Major", line: 10),
            ExpertError(category: "No-error", severity: "No-error", line: 11),
        ]),
    ])

    @Test func eachErrorIsATagOfItsRater() {
        let tags = ExpertTags.tags(Self.ratings)
        #expect(tags == [
            Tag(instance: "talk.1:1", system: "Nemo", span: TextSpan(start: 128, end: 149), categories: [cat("Accuracy/Mistranslation")],
                severity: "minor", annotator: "rater4", time: ""),
            Tag(instance: "talk.1:1", system: "Nemo", span: TextSpan(start: 0, end: 160), categories: [cat("Non-translation")],
                severity: "major", annotator: "rater4", time: ""),
            // A span in the source is not a span in the output.
            Tag(instance: "talk.1:1", system: "Nemo", categories: [cat("Source error")], severity: "neutral", annotator: "rater4", time: ""),
            // No error: judged, nothing found.
            Tag(instance: "talk.1:1", system: "ref", categories: [], annotator: "rater1", time: ""),
            Tag(instance: "talk.1:2", system: "ref", categories: [cat("Fluency/Punctuation")], severity: "minor", annotator: "rater1", time: ""),
            Tag(instance: "talk.1:2", system: "ref", categories: [cat("Other")], severity: "major", annotator: "rater1", time: ""),
        ])
    }

    @Test func categoryNamesBecomePathsOfThePreset() {
        #expect(ExpertTags.expertCategory("Terminology/Inappropriate for context") == cat("Terminology/Inappropriate for context"))
        #expect(ExpertTags.expertCategory("no-error") == nil)
        #expect(ExpertTags.expertCategory("") == cat("Other"))
        let deep = Array(repeating: "x", count: 40).joined(separator: "/")
        #expect(ExpertTags.expertCategory(deep)?.components.count == CategoryPath.maximumDepth)
        // Every severity the MQM files use is one of the preset's.
        #expect(Set(ExpertTags.tags(Self.ratings).compactMap(\.severity)).isSubset(of: Set(Typology.mqm.severities)))
    }

    /// Experts agree as annotators: the rater of an output and a user who tagged it are two
    /// annotators of one unit.
    @Test func expertsAndAUserAreComparedOnTheUnitsBothJudged() throws {
        let user = Tag(instance: "talk.1:1", system: "Nemo", span: TextSpan(start: 130, end: 149), categories: [cat("Accuracy/Mistranslation")],
                       severity: "minor", annotator: "ana", time: "2026-11-26T22:40:01.123Z")
        let tags = try ExpertTags.merging([user], with: Self.ratings)
        let agreement = Agreement(tags: tags, typology: .mqm, references: Set(Self.ratings.raters))
        #expect(agreement.units == 1)
        #expect(agreement.annotators == ["ana", "rater4"])
        let pair = try #require(agreement.spans.first { $0.b == "ana" && $0.a == "rater4" })
        // rater4 marked [128, 149) and [0, 160): 160 characters; ana 19 of them.
        #expect(pair.overall == SpanAgreement.Counts(aCharacters: 160, bCharacters: 19, overlap: 19))
        #expect(pair.categories.first { $0.category == "Accuracy/Mistranslation" }?.counts.f1 == 2.0 * 19 / (21 + 19))
    }

    @Test func aStoreAnnotatorNamedLikeARaterIsRefused() {
        let clash = tag("talk.1:1", ["Style"], system: "ref", annotator: "rater1")
        #expect(throws: ExpertNameClash(annotator: "rater1")) { try ExpertTags.merging([clash], with: Self.ratings) }
    }
}
