import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

@Suite struct DatasetLoaderTests {
    /// Long layout: id, reference `ref`, system name `system`, output `hyp`.
    static var longRoles: ColumnRoles {
        var roles = ColumnRoles()
        roles.layout = .long
        roles.id = "id"
        roles.label = "ref"
        roles.systemColumn = "system"
        roles.outputColumn = "hyp"
        return roles
    }

    @Test func wideLayoutWithRolesTypesAndClasses() throws {
        let d = try Fixtures.reviewsDataset()
        #expect(d.count == 10)
        #expect(d.task == .classification)
        #expect(d.classes == ["pos", "neg"])
        #expect(d.systems.map(\.name) == ["bert", "lr"])
        #expect(d.system(named: "bert")?.predictedClass?.prefix(3) == [0, 1, 0])
        #expect(d.metadata.map(\.name) == ["genre", "year"])
        #expect(d.metadata.map(\.type) == [.categorical, .numeric])
        #expect(d.row(id: "7") == 6)
        #expect(d.defaultMetric == "accuracy")
    }

    @Test func typeInference() throws {
        let d = try Fixtures.load("t.csv", """
            id,n,flag,day,tags,note,kind
            1,1.5,true,2017-06-01,"[""a"",""b""]",a long free text,x
            2,NA,no,2017-06-02T10:00:00Z,[],another free text,y
            3,-2e3,yes,,"[""b""]",third,x

            """)
        #expect(d.metadata.map(\.type) == [.numeric, .boolean, .date, .list, .text, .categorical])
        guard case .numeric(let n) = d.metadata[0].storage, case .list(let tags) = d.metadata[3].storage,
              case .date(let days) = d.metadata[2].storage else { Issue.record("wrong storage"); return }
        #expect(n[0] == 1.5 && n[1].isNaN && n[2] == -2000)
        #expect(tags.values(0) == ["a", "b"] && tags.values(1).isEmpty)
        #expect(days[1] - days[0] == 86400 + 36000)
        #expect(d.metadata[2].displayValue(0) == "2017-06-01")
    }

    @Test func manyShortDistinctValuesAreText() {
        // 300,000 distinct short values: not categorical, however many rows there are.
        let cells = TextColumn((0 ..< 300_000).map { "v\($0)" })
        #expect(TypeInference.infer(cells) == .text)
        let repeating = TextColumn((0 ..< 300_000).map { "v\($0 % 1000)" })
        #expect(TypeInference.infer(repeating) == .categorical)
    }

    @Test func generatedIdsAndGuessedRoles() throws {
        let d = try Fixtures.load("g.jsonl", """
            {"text": "a", "label": "x", "pred_m": "x"}
            {"text": "b", "label": "y", "pred_m": "x"}

            """)
        #expect(d.ids[0] == "1" && d.ids[1] == "2")
        #expect(d.inputs.map(\.name) == ["text"])
        #expect(d.label?.name == "label")
        #expect(d.systems.map(\.name) == ["m"])
    }

    @Test func longLayoutSingleFileGroupsByIdAndKeepsPerSystemColumns() throws {
        let roles = Self.longRoles
        let d = try Fixtures.load("l.tsv", """
            id\tref\tsystem\thyp\tmqm\tdomain
            s1\tDas Haus\tA\tDas Haus\t0\tnews
            s1\tDas Haus\tB\tDie Haus\t-1\tnews
            s2\tEin Hund\tA\tEin Hund\t0\tchat
            s2\tEin Hund\tB\tEin Hund\t-0.5\tchat
            s3\tJa\tB\tJa\t0\tnews

            """, roles: roles)
        #expect(d.count == 3)
        #expect(d.task == .generation)
        #expect(d.systems.map(\.name) == ["A", "B"])
        #expect(d.system(named: "A")?.present == BitSet([0, 1]))
        #expect(d.system(named: "B")?.output[0] == "Die Haus")
        #expect(d.metadata.map(\.name) == ["domain"])
        #expect(d.system(named: "B")?.columns.map(\.name) == ["mqm"])
        #expect(d.defaultMetric == "chrf")
    }

    @Test func longLayoutOutputsFileJoinedById() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("refs.jsonl", "{\"id\": \"a\", \"reference\": \"x y\"}\n{\"id\": \"b\", \"reference\": \"z\"}\n")
        try folder.write("sys.jsonl", "{\"id\": \"b\", \"system\": \"S\", \"output\": \"z\", \"p\": 0.5}\n{\"id\": \"a\", \"system\": \"S\", \"output\": \"x\", \"p\": 0.9}\n")
        try folder.write("errata.json", """
            {"data": "refs.jsonl", "id": "id", "label": "reference", "outputs_data": "sys.jsonl",
             "system": "system", "output": "output", "score": "p", "metric": "bleu"}
            """)
        let d = try DatasetLoader.load(folder.url.path)
        #expect(d.count == 2)
        #expect(d.system(named: "S")?.output[0] == "x")
        #expect(d.system(named: "S")?.confidence == [0.9, 0.5])
        #expect(d.defaultMetric == "bleu")
        #expect(d.name == folder.url.lastPathComponent)
    }

    @Test func badInputIsLocated() throws {
        #expect(throws: LoadError(file: "", line: 3, column: 1, "duplicate id 'a' (first on line 2)")) {
            do { _ = try Fixtures.load("d.csv", "id,text\na,x\na,y\n", roles: { var r = ColumnRoles(); r.id = "id"; return r }()) } catch var e as LoadError {
                e.file = ""
                throw e
            }
        }
        do {
            var roles = Fixtures.reviewRoles
            roles.label = "gould"
            _ = try Fixtures.load("r.csv", Fixtures.reviews, roles: roles)
            Issue.record("expected an error")
        } catch let e as LoadError {
            #expect(e.message.hasPrefix("no column 'gould' (named as the label); the columns are: id, text, gold"))
        }
        do {
            var roles = Fixtures.reviewRoles
            roles.types = ["year": .date]
            _ = try Fixtures.load("r.csv", Fixtures.reviews, roles: roles)
            Issue.record("expected an error")
        } catch let e as LoadError {
            #expect(e.line == 2 && e.column != nil)
            #expect(e.message == "column 'year' is declared date but holds '2001', not a date such as 2017-06-01 or June 1, 2017")
        }
    }

    @Test func declaredTypeErrorsAreSkippedWithSkipBadLines() throws {
        var roles = ColumnRoles()
        roles.types = ["n": .numeric]
        let d = try Fixtures.load("n.csv", "n,text\n1,a\nx,b\n3,c\n", roles: roles, skipBadLines: true)
        #expect(d.count == 2)
        #expect(d.skipped.count == 1)
        #expect(d.skipped.examples.first?.line == 3)
    }

    @Test func conflictingLabelInLongLayout() throws {
        let roles = Self.longRoles
        do {
            _ = try Fixtures.load("c.csv", "id,ref,system,hyp\n1,a,A,a\n1,b,B,a\n", roles: roles)
            Issue.record("expected an error")
        } catch let e as LoadError {
            #expect(e.line == 3 && e.column == 3)
            #expect(e.message == "instance '1' has a different label here than on line 2")
        }
    }

    @Test func probabilitiesGiveConfidence() throws {
        var roles = Fixtures.reviewRoles
        roles.outputs = [("m", "pred")]
        roles.scores = [("m", "probs")]
        let d = try Fixtures.load("p.jsonl", """
            {"id": "1", "text": "a", "gold": "pos", "pred": "pos", "probs": {"pos": 0.8, "neg": 0.2}}
            {"id": "2", "text": "b", "gold": "neg", "pred": "pos", "probs": [0.4, 0.6]}

            """, roles: roles)
        #expect(d.system(named: "m")?.confidence == [0.8, 0.6])
    }

    @Test func manifestErrorsNameTheKey() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("errata.json", "{\"data\": \"x.csv\", \"layout\": \"diagonal\"}")
        do {
            _ = try DatasetLoader.load(folder.url.path)
            Issue.record("expected an error")
        } catch let e as LoadError {
            #expect(e.file.hasSuffix("errata.json"))
            #expect(e.message.hasPrefix("key 'layout'"))
        }
    }

    /// The id index is built beside the systems and the metadata columns: with a duplicate id
    /// and a bad score in one file, the error is still the id's, met first in a serial build.
    @Test func theFirstErrorOfABuildIsTheSerialOne() throws {
        var roles = ColumnRoles()
        roles.id = "id"
        roles.outputs = [("a", "pred_a")]
        roles.scores = [("a", "score_a")]
        let file = "id,text,gold,pred_a,score_a,genre\nx,t,pos,pos,high,g1\nx,u,neg,neg,0.5,g2\n"
        #expect(throws: LoadError(file: "", line: 3, column: 1, "duplicate id 'x' (first on line 2)")) {
            do { _ = try Fixtures.load("d.csv", file, roles: roles) } catch var e as LoadError {
                e.file = ""
                throw e
            }
        }
        let unique = "id,text,gold,pred_a,score_a,genre\nx,t,pos,pos,high,g1\ny,u,neg,neg,0.5,g2\n"
        #expect(throws: LoadError(file: "", line: 2, column: 13, "score 'high' is not a number nor a JSON object or array of probabilities")) {
            do { _ = try Fixtures.load("d.csv", unique, roles: roles) } catch var e as LoadError {
                e.file = ""
                throw e
            }
        }
    }
}

@Suite struct LoadProgressTests {
    @Test func progressRisesToOne() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rows = (1 ... 5000).map { "\($0),text number \($0),\($0 % 3 == 0 ? "a" : "b")" }
        let path = try folder.write("p.csv", "id,text,label\n" + rows.joined(separator: "\n") + "\n")
        let seen = Reports()
        let d = try DatasetLoader.load(path, progress: { fraction, activity in seen.add(fraction, activity) })
        #expect(d.count == 5000)
        let reports = seen.all
        #expect(reports.count >= 50 && reports.count <= 110)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 <= $1.0 })
        #expect(reports.last?.0 == 1 && reports.last?.1 == "loaded")
        #expect(reports.contains { $0.1 == "reading p.csv" } && reports.contains { $0.1 == "building columns" })
    }

    final class Reports: @unchecked Sendable {
        private var values: [(Double, String)] = []
        func add(_ fraction: Double, _ activity: String) { values.append((fraction, activity)) }
        var all: [(Double, String)] { values }
    }
}
