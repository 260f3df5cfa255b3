import ErrataCore
import ErrataTestSupport
import Typology
@testable import Workbench

/// A small translation dataset with expert ratings set as the MQM reader sets them: three
/// systems, two raters whose spans overlap on `A`'s output of instance 1, and a user's tag.
enum SpanFixture {
    static let csv = """
        id,source,reference,out_a,out_b,out_c
        1,"The cat sat on the mat.","Die Katze saß auf der Matte.","Die Katze sass auf dem Matte.","Der Kater saß auf der Matte.","Die Katze sitzt auf Matte."
        2,"Good morning, Zoë!","Guten Morgen, Zoë!","Guten Morgen, Zoë!","Gute Morgen, Zoe!","Guten Tag, Zoë!"

        """

    static var roles: ColumnRoles {
        var roles = ColumnRoles()
        roles.id = "id"
        roles.inputs = ["source"]
        roles.label = "reference"
        roles.outputs = [("A", "out_a"), ("B", "out_b"), ("C", "out_c")]
        return roles
    }

    /// In `A` of 1 ("Die Katze sass auf dem Matte."): rater1 marks "sass" (10-14, minor
    /// spelling) and "dem Matte" (19-28, major mistranslation); rater2 marks "auf dem" (15-22,
    /// minor grammar), over rater1's major span. rater2 finds no error in `B`.
    static let ratings = ExpertRatings(ratings: [
        ExpertRating(instance: "1", system: "A", rater: "rater1", errors: [
            ExpertError(category: "Fluency/Spelling", severity: "Minor", span: TextSpan(start: 10, end: 14), line: 2),
            ExpertError(category: "Accuracy/Mistranslation", severity: "Major", span: TextSpan(start: 19, end: 28), line: 3),
        ]),
        ExpertRating(instance: "1", system: "A", rater: "rater2", errors: [
            ExpertError(category: "Fluency/Grammar", severity: "Minor", span: TextSpan(start: 15, end: 22), line: 4),
        ]),
        ExpertRating(instance: "1", system: "B", rater: "rater2", errors: []),
    ])

    static let analysis = Result {
        var dataset = try Fixtures.load("mt.csv", csv, roles: roles)
        dataset.expertRatings = ratings
        return Analysis(dataset: dataset)
    }

    /// The user's tag: "Kater" in `B` (4-9), major mistranslation.
    static let userTag = StoredTag(id: 1, tag: Tag(instance: "1", system: "B", span: TextSpan(start: 4, end: 9),
                                                   categories: [CategoryPath("Accuracy/Mistranslation")!], severity: "major",
                                                   annotator: "ana", time: "2026-01-01T00:00:00.000Z"))

    /// The workbench on the dataset, the store answered with the user's tag.
    static func state(width: Int, height: Int, colors: Int = 256) throws -> AppState {
        var state = AppState.settled(analysis: try analysis.get(), width: width, height: height, annotator: "ana")
        state.colors = colors
        _ = step(&state, .tagging(.opened(.mqm, [userTag], queue: nil)))
        return state
    }
}
