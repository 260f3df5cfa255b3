import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
import Typology
@testable import ErrataCommands

/// Spans and expert ratings through `errata tags`: the real binary for what a user types,
/// the commands in process for a dataset with expert ratings (set here directly).
extension TagsCommandTests {
    /// bert's output for instance 5 is `neg`: three characters.
    @Test func addTakesASpanInsideTheOutputAndExportsIt() throws {
        let r = try errata(["tags", "add", "--instance", "5", "--system", "bert", "--span", "1:3", "--category", "Style", "--annotator", "ana"])
        #expect(r.status == 0 && r.stdout.hasPrefix("saved "), "\(r.stderr)")
        let outside = try errata(["tags", "add", "--instance", "5", "--system", "bert", "--span", "2:9", "--category", "Style"])
        #expect(outside.status != 0)
        #expect(outside.stderr.contains("span 2:9 is outside the output of system 'bert' for instance '5', which has 3 characters"), "\(outside.stderr)")
        let backwards = try errata(["tags", "add", "--instance", "5", "--system", "bert", "--span", "3:1", "--category", "Style"])
        #expect(backwards.status != 0 && backwards.stderr.contains("--span '3:1': expected START:END"), "\(backwards.stderr)")
        let noSystem = try errata(["tags", "add", "--instance", "5", "--span", "0:1", "--category", "Style"])
        #expect(noSystem.status != 0 && noSystem.stderr.contains("give the system of instance '5'"), "\(noSystem.stderr)")
        let exported = try errata(["tags", "export"])
        #expect(exported.stdout.hasPrefix(#"{"instance":"5","system":"bert","span":[1,3],"categories":["Style"]"#), "\(exported.stdout)")
        #expect(exported.stdout.split(separator: "\n").count == 1)
    }

    @Test func importRefusesASpanOutsideTheOutputNamingTheLine() throws {
        let line = #"{"instance":"2","system":"lr","span":[0,4],"categories":["A"],"severity":null,"note":"","annotator":"ana","time":"2026-11-26T10:00:00.000Z"}"#
        let file = try folder.write("spans.jsonl", line.replacingOccurrences(of: "[0,4]", with: "[0,3]") + "\n" + line + "\n")
        let r = try errata(["tags", "import", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("spans.jsonl:2: span 0:4 is outside the output of system 'lr' for instance '2', which has 3 characters"), "\(r.stderr)")
        #expect(try errata(["tags", "export"]).stdout.isEmpty)
    }

    @Test func expertsNeedADatasetWithExpertRatings() throws {
        let r = try errata(["tags", "agreement", "--experts"])
        #expect(r.status != 0 && r.stderr.contains("reviews.csv has no expert ratings"), "\(r.stderr)")
    }

    /// The reviews with rater `r1` judging bert on 1 and 5: `--experts` adds them, and
    /// `--annotators` keeps the two compared.
    @Test func expertsJoinTheStoresAnnotators() throws {
        var dataset = try Fixtures.reviewsDataset()
        dataset.expertRatings = ExpertRatings(ratings: [
            ExpertRating(instance: "5", system: "bert", rater: "r1", errors: [ExpertError(category: "Accuracy/Mistranslation", severity: "Major", span: TextSpan(start: 0, end: 3), line: 2)]),
            ExpertRating(instance: "1", system: "bert", rater: "r1", errors: []),
            ExpertRating(instance: "1", system: "bert", rater: "r2", errors: []),
        ])
        let user = [Tag(instance: "5", system: "bert", span: TextSpan(start: 1, end: 3), categories: [CategoryPath("Accuracy")!],
                        annotator: "ana", time: "2026-11-26T10:00:00.000Z")]
        let options = try AnnotatorOptions.parse(["--experts", "--annotators", "ana,r1"])
        let (tags, experts) = try options.tags(user, dataset: dataset)
        #expect(experts == ["r1", "r2"])
        #expect(tags.map(\.annotator) == ["ana", "r1", "r1"])
        let agreement = Agreement(tags: tags, typology: .mqm, references: experts)
        #expect(agreement.method == .cohenKappa && agreement.units == 1)
        let pair = try #require(agreement.spans.first)
        #expect(pair.a == "r1" && pair.b == "ana" && pair.overall.precision == 1 && pair.overall.recall == 2.0 / 3)
        let table = TagsAgreementCommand.spanTable(agreement.spans)
        #expect(table.contains("r1  ana      1  (all categories)"), "\(table)")
        #expect(table.contains("1.000  0.667  0.800"), "\(table)")
        #expect(throws: AnalysisError.self) { try AnnotatorOptions.parse(["--experts", "--annotators", "bo"]).tags(user, dataset: dataset) }
        #expect(try AnnotatorOptions.parse([]).tags(user, dataset: dataset).tags == user)
    }
}
