import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

/// Set-ups that load but cannot mean much say so (`Dataset.warnings`, printed by every command).
@Suite struct SetupWarningTests {
    /// Columns id, text, gold and one system's predictions `pred`, as a classification.
    static func classification(system: String) -> ColumnRoles {
        var roles = Fixtures.reviewRoles
        roles.outputs = [(system, "pred")]
        roles.task = .classification
        return roles
    }

    @Test func labelsAndPredictionsWithNoClassInCommon() throws {
        var lines = ["id,text,gold,pred"]
        for i in 1 ... 20 { lines.append("\(i),review \(i),\(i % 10 + 1),\(["positive", "negative", "neutral"][i % 3])") }
        let dataset = try Fixtures.load("stars.csv", lines.joined(separator: "\n") + "\n", roles: Self.classification(system: "stars"))
        #expect(dataset.warnings == [
            "none of system 'stars''s predictions are classes of the label 'gold': the label has 2, 3, 4, 5, 6, 7, 8, 9, … (10 in all); "
                + "the system predicts negative, neutral, positive. Outputs are matched to classes by exact string: check --label and --output",
        ])
        // A system that mostly uses the label's classes is not warned about (reviews: all of them).
        #expect(try Fixtures.reviewsDataset().warnings.isEmpty)
    }

    @Test func aTinyOverlapIsNamedWithItsShare() throws {
        var lines = ["id,text,gold,pred"]
        for i in 1 ... 10 { lines.append("\(i),t\(i),\(i % 2 == 0 ? "pos" : "neg"),\(i <= 2 ? "pos" : "positive")") }
        let warnings = try Fixtures.load("tiny.csv", lines.joined(separator: "\n") + "\n", roles: Self.classification(system: "m")).warnings
        #expect(warnings.count == 1 && warnings[0].hasPrefix("only 20% of system 'm''s predictions are classes of the label 'gold': the label has neg, pos;"))
    }

    @Test func longLayoutWithAnIdPerRowSuggestsTheGroupingColumn() throws {
        var lines = ["row,seg,system,ref,hyp"]
        var row = 0
        for seg in 1 ... 6 {
            for system in ["a", "b"] {
                row += 1
                lines.append("\(row),\(seg),\(system),ref \(seg),hyp \(system) \(seg)")
            }
        }
        var roles = DatasetLoaderTests.longRoles
        roles.id = "row"
        roles.task = .generation
        let text = lines.joined(separator: "\n") + "\n"
        let warnings = try Fixtures.load("rows.csv", text, roles: roles).warnings
        #expect(warnings == ["every value of the id column 'row' occurs on one row only, so each instance has one system's output and systems share no instance to compare on; 'seg' groups the rows (one per system): use --id seg (manifest \"id\")"])
        roles.id = "seg"
        #expect(try Fixtures.load("rows.csv", text, roles: roles).warnings.isEmpty)
    }

    @Test func writtenDatesAreDates() throws {
        let text = "id,released,note\n1,\"December 24, 2012\",x\n2,24 Dec 2012,y\n3,\"Sept 3, 1999\",z\n4,2012/01/31,w\n"
        let dataset = try Fixtures.load("dates.csv", text)
        let released = try #require(dataset.column(named: "released"))
        #expect(released.type == .date)
        #expect((0 ..< 4).map { released.displayValue($0) } == ["2012-12-24", "2012-12-24", "1999-09-03", "2012-01-31"])
        for notADate in ["February 30, 2012", "Dec 24 12", "12/24/2012", "May the fourth", "24 Decembre 2012"] {
            #expect(WrittenDate.parse(notADate) == nil, "\(notADate)")
        }
    }
}
