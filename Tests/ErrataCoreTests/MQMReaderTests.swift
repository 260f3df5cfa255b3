import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// The MQM reader on hand-made files in the layouts Google's releases use: TED (with a
/// `comment` column), newstest2020/2021 (without it, lower-case severities, `Non-translation!`,
/// `Source error` marked in a Chinese source), and malformed rows with their locations.
@Suite struct MQMReaderTests {
    static let ted = Fixtures.mqmRatings

    /// newstest layout: no comment column, lower-case severities, two raters of one output,
    /// a Chinese source with a source-error span, a Non-translation.
    static let newstest = """
        system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity
        sysX\tnews.1\t1\t101\trater1\t这是<v>一个</v>测试。\tThis is a test.\tSource error\tminor
        sysX\tnews.1\t1\t101\trater1\t这是一个测试。\t<v>This is a test.</v>\tNon-translation!\tmajor
        sysX\tnews.1\t1\t101\trater2\t这是一个测试。\tThis is a test.\tNo-error\tno-error
        sysY\tnews.1\t1\t101\trater2\t这是一个测试。\tThis <v>are</v> a test.\tFluency/Grammar\tMinor
        sysY\tnews.1\t2\t102\trater2\t第二句。\tSecond sentence.\tNo-error\tno-error

        """

    static func load(_ contents: String, name: String = "ratings.tsv", roles: ColumnRoles = ColumnRoles(),
                     skipBadLines: Bool = false) throws -> Dataset {
        try Fixtures.load(name, contents, roles: roles, skipBadLines: skipBadLines)
    }

    @Test func tedRowsBecomeInstancesOutputsAndRatings() throws {
        let d = try Self.load(Self.ted)
        #expect(d.count == 2 && d.task == .generation && d.defaultMetric == "mqm")
        #expect((0 ..< 2).map { d.ids[$0] } == ["talk.1:1", "talk.1:2"])
        #expect(d.inputs.map(\.name) == ["source"] && d.inputs[0].displayValue(0) == #"He said "hi"."#)
        #expect(d.systems.map(\.name) == ["sysA", "sysB", "ref"])
        #expect(d.system(named: "sysA")?.output[0] == #"Er sagte "hallo"."#)
        #expect(d.system(named: "sysB")?.output[1] == "Cafe\u{301} Straße.")
        #expect(d.metadata.map(\.name) == ["doc", "doc_id", "seg_id", "raters"])
        #expect(d.column(named: "raters")?.displayValue(0) == "2")
        #expect(d.label == nil)

        let ratings = d.expertRatings.ratings
        #expect(ratings.count == 6 && d.expertRatings.raters == ["rater1", "rater2"])
        let first = try #require(ratings.first { $0.instance == "talk.1:1" && $0.system == "sysA" })
        #expect(first.rater == "rater1")
        #expect(first.errors == [
            ExpertError(category: "Accuracy/Mistranslation", severity: "Major", span: TextSpan(start: 9, end: 16), line: 2),
            ExpertError(category: "Fluency/Punctuation", severity: "Minor", span: TextSpan(start: 16, end: 17), line: 3, comment: "comma"),
        ])
        #expect(ratings.first { $0.instance == "talk.1:1" && $0.system == "sysB" }?.errors == [])
        // "Cafe\u{301} " is six scalars (five characters): spans count scalars.
        let street = try #require(ratings.first { $0.instance == "talk.1:2" && $0.system == "sysA" }?.errors.first?.span)
        #expect(street == TextSpan(start: 6, end: 12))
        let output = Array(try #require(d.system(named: "sysA")).output[1].unicodeScalars)
        #expect(String(String.UnicodeScalarView(output[street.start ..< street.end])) == "Straße")
        #expect(ratings.first { $0.instance == "talk.1:2" && $0.system == "sysB" }?.errors.first?.span == TextSpan(start: 0, end: 5))
    }

    @Test func mqmScoresWeighErrorsAndLowerIsBetter() throws {
        let analysis = Analysis(dataset: try Self.load(Self.ted))
        #expect(try analysis.instanceScores(metric: "mqm", system: "sysA") == [5.1, 1])
        #expect(try analysis.instanceScores(metric: "mqm", system: "sysB") == [0, 0])
        #expect(analysis.higherIsBetter(metric: "mqm") == false)
        // Slice discovery searches error points as they are.
        #expect(try analysis.instanceErrors(system: "sysA", measure: .metric(nil)) == [5.1, 1])
        #expect(analysis.metricNames.contains("mqm"))
    }

    @Test func newstestReleasesWithCJKSourcesSourceErrorsAndSeveralRaters() throws {
        let d = try Self.load(Self.newstest)
        #expect((0 ..< d.count).map { d.ids[$0] } == ["news.1:101", "news.1:102"])
        #expect(d.inputs[0].displayValue(0) == "这是一个测试。")
        let x = d.expertRatings.ratings.filter { $0.system == "sysX" }
        #expect(x.map(\.rater) == ["rater1", "rater2"])
        #expect(x[0].errors.map(\.sourceSpan) == [TextSpan(start: 2, end: 4), nil])
        #expect(x[0].errors.map(\.span) == [nil, TextSpan(start: 0, end: 15)])
        #expect(x[0].errors.map(\.severity) == ["minor", "major"])
        #expect(d.expertRatings.ratings.first { $0.system == "sysY" }?.errors.first?.span == TextSpan(start: 5, end: 8))
        // sysX: rater1 finds 1 (source error, Minor) + 25 (Non-translation!), rater2 none: the mean.
        let analysis = Analysis(dataset: d)
        #expect(try analysis.instanceScores(metric: "mqm", system: "sysX")[0] == 13)
        let y = try analysis.instanceScores(metric: "mqm", system: "sysY")
        #expect(y == [1, 0])
        // sysX has no output for the second segment: it is missing, not scored 0.
        #expect(d.system(named: "sysX")?.hasOutput(1) == false)
        #expect(d.column(named: "raters")?.displayValue(0) == "2")
    }

    @Test func referenceSystemIsTheLabelAndStaysASystem() throws {
        var roles = ColumnRoles()
        roles.referenceSystem = "ref"
        let d = try Self.load(Self.ted, roles: roles)
        #expect(d.label?.name == "reference" && d.label?.displayValue(0) == "Er sagte „hallo“." && d.referenceSystem == "ref")
        #expect(d.systems.map(\.name) == ["sysA", "sysB", "ref"])
        let analysis = Analysis(dataset: d)
        #expect(try analysis.instanceScores(metric: "chrf", system: "ref") == [100, 100])
        #expect(try analysis.instanceScores(metric: "mqm", system: "ref") == [0, 0])

        roles.referenceSystem = "human"
        #expect(throws: LoadError.self) { try Self.load(Self.ted, roles: roles) }
    }

    @Test func layoutCanBeForcedOnAnyExtension() throws {
        var roles = ColumnRoles()
        roles.layout = .mqm
        let d = try Self.load(Self.ted, name: "ratings.txt", roles: roles)
        #expect(d.count == 2 && d.expertRatings.ratings.count == 6)
    }

    @Test func manifestGivesLayoutReferenceAndWeights() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("ratings.tsv", Self.ted)
        try folder.write("errata.json", """
            {"data": "ratings.tsv", "layout": "mqm", "reference_system": "ref",
             "mqm_weights": {"Major": 10, "Minor": 2, "Neutral": 0, "Minor/Fluency": 0.5}}
            """)
        let d = try DatasetLoader.load(folder.url.path)
        #expect(d.label?.name == "reference")
        #expect(try Analysis(dataset: d).instanceScores(metric: "mqm", system: "sysA") == [10.5, 2])

        // The severities the rules name are the ones the file may use.
        try folder.write("errata.json", #"{"data": "ratings.tsv", "layout": "mqm", "mqm_weights": {"Major": 10, "Minor": 2}}"#)
        let error = try #require(throws: LoadError.self) { try DatasetLoader.load(folder.url.path) }
        #expect(error.line == 7 && error.message.hasPrefix("unknown severity 'Neutral'"))

        try folder.write("errata.json", #"{"data": "ratings.tsv", "layout": "mqm", "mqm_weights": {"Major//x": 1}}"#)
        let bad = try #require(throws: LoadError.self) { try DatasetLoader.load(folder.url.path) }
        #expect(bad.message.contains("mqm_weights") && bad.message.contains("no empty level"))
    }

    @Test func weightsTakeTheMostSpecificRule() throws {
        let w = MQMWeights.standard
        #expect(w.weight(severity: "Major", category: "Accuracy/Mistranslation") == 5)
        #expect(w.weight(severity: "minor", category: "Fluency/Punctuation") == 0.1)
        #expect(w.weight(severity: "Major", category: "Fluency/Punctuation") == 5)
        #expect(w.weight(severity: "Minor", category: "Fluency/Punctuation/Quotes") == 0.1)
        #expect(w.weight(severity: "Minor", category: "Fluency/Punctuations") == 1)
        #expect(w.weight(severity: "Major", category: "Non-translation!") == 25)
        #expect(w.weight(severity: "Neutral", category: "Style/Awkward") == 0)
        #expect(w.weight(severity: "No-error", category: "No-error") == 0)
        #expect(w.knows(severity: "NO-ERROR") && w.knows(severity: "neutral") && !w.knows(severity: "Critical"))
    }

    // MARK: - Malformed rows: file:line:column

    /// The column at which the target field of a row starts, for rows built by `row`.
    static let targetColumn = "s\td\t1\t1\tr\tsrc\t".unicodeScalars.count + 1

    static func file(_ rows: String...) -> String {
        "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n" + rows.joined(separator: "\n") + "\n"
    }

    static func row(target: String, source: String = "src", severity: String = "Minor") -> String {
        "s\td\t1\t1\tr\t\(source)\t\(target)\tAccuracy/Mistranslation\t\(severity)"
    }

    @Test(arguments: [
        ("ab</v>c", 2, "a </v> with no <v> before it"),
        ("<v>a</v> <v>b</v>", 9, "a second <v> span"),
        ("<v>a<v>b</v></v>", 4, "span marks do not nest"),
    ])
    func malformedMarksAreLocated(target: String, offset: Int, message: String) throws {
        let error = try #require(throws: LoadError.self) { try Self.load(Self.file(Self.row(target: target))) }
        #expect(error.line == 2 && error.column == Self.targetColumn + offset)
        #expect(error.message.hasPrefix("malformed span mark in target") && error.message.contains(message))
        #expect(error.description.hasSuffix("ratings.tsv:2:\(Self.targetColumn + offset): \(error.message)"))
    }

    @Test func aMarkInTheSourceIsLocatedInTheSource() throws {
        let error = try #require(throws: LoadError.self) { try Self.load(Self.file(Self.row(target: "t", source: "x</v>"))) }
        #expect(error.line == 2 && error.column == Self.targetColumn - 4 + 1 && error.message.contains("in source"))
    }

    @Test func unknownSeverityIsLocated() throws {
        let error = try #require(throws: LoadError.self) {
            try Self.load(Self.file(Self.row(target: "ok"), Self.row(target: "ok", severity: "Critical")))
        }
        #expect(error.line == 3 && error.column == Self.targetColumn + 3 + "Accuracy/Mistranslation\t".count)
        #expect(error.message.hasPrefix("unknown severity 'Critical': expected one of major, minor, neutral, no-error"))
    }

    @Test func aRowWithTooFewFieldsIsLocated() throws {
        let error = try #require(throws: LoadError.self) {
            try Self.load(Self.file(Self.row(target: "ok"), "s\td\t1\t2\tr\tsrc\tok\tMinor"))
        }
        #expect(error.line == 3 && error.column == "s\td\t1\t2\tr\tsrc\tok\tMinor".count + 1)
        #expect(error.message == "expected 9 fields as in the header, found 8")
    }

    @Test func missingColumnsAreNamedWhenTheLayoutIsForced() throws {
        var roles = ColumnRoles()
        roles.layout = .mqm
        let error = try #require(throws: LoadError.self) {
            try Self.load("system\tdoc\tseg_id\tsource\ttarget\tcategory\tseverity\ns\td\t1\tx\ty\tOther\tMinor\n", roles: roles)
        }
        #expect(error.line == 1 && error.message.hasPrefix("not an MQM file: no column 'doc_id'"))
    }

    @Test func aTargetThatDiffersBetweenRowsIsRefused() throws {
        let error = try #require(throws: LoadError.self) {
            try Self.load(Self.file(Self.row(target: "Das <v>Haus</v>."), Self.row(target: "<v>Das</v> Haus!")))
        }
        #expect(error.line == 3 && error.column == Self.targetColumn)
        #expect(error.message.contains("the target of system 's' for segment d:1 differs from the one on line 2"))

        let skipping = try Self.load(Self.file(Self.row(target: "Das <v>Haus</v>."), Self.row(target: "<v>Das</v> Haus!")), skipBadLines: true)
        #expect(skipping.skipped.count == 1 && skipping.expertRatings.ratings.first?.errors.count == 1)
    }

    @Test func anUnclosedSpanRunsToTheEndWithAWarning() throws {
        let d = try Self.load(Self.file(Self.row(target: "Gut. <v>?")))
        #expect(d.system(named: "s")?.output[0] == "Gut. ?")
        #expect(d.expertRatings.ratings[0].errors[0].span == TextSpan(start: 5, end: 6))
        #expect(d.warnings.first?.contains("ratings.tsv:2:\(Self.targetColumn + 5): a <v> in target that no </v> closes") == true)
    }

    @Test func otherHeadersAreNotMQM() {
        #expect(MQMReader.recognises(MQMReader.columns))
        #expect(MQMReader.recognises(MQMReader.columns + ["comment"]))
        #expect(!MQMReader.recognises(MQMReader.columns + ["note"]))
        #expect(!MQMReader.recognises(Array(MQMReader.columns.dropLast())))
    }
}
