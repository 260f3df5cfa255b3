import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

@Suite struct SliceLanguageTests {
    let analysis: Analysis

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
    }

    func rows(_ expression: String) throws -> [Int] {
        Array(try analysis.evaluator.rows(where: expression))
    }

    func failure(_ expression: String) -> SliceError? {
        do {
            _ = try analysis.evaluator.rows(where: expression)
            return nil
        } catch {
            return error as? SliceError
        }
    }

    @Test func comparisonsOnCategoriesNumbersAndText() throws {
        #expect(try rows(#"genre == "horror""#) == [2, 3, 7])
        #expect(try rows(#"genre in ["drama", "comedy"] and year > 2010"#) == [5, 6, 8, 9])
        #expect(try rows(#"genre not in ["drama", "comedy"]"#) == [2, 3, 7])
        #expect(try rows(#"2010 < year"#) == [5, 6, 7, 8, 9])
        #expect(try rows(#"year - 2000 < 5"#) == [0, 1])
        #expect(try rows(#"not (genre == "drama") and not genre == "comedy""#) == [2, 3, 7])
        #expect(try rows(#"genre == "drama" or id == "1""#) == [0, 1, 5, 6, 8])
    }

    @Test func textFunctionsAndRegex() throws {
        #expect(try rows(#"text contains "horror""#) == [2])
        #expect(try rows(#"text matches /HORROR|scary/i"#) == [2, 3])
        #expect(try rows(#"text matches /^A /"#) == [0, 8])
        #expect(try rows("length(input) > 20") == [0, 1, 2, 3, 7])
        #expect(try rows("tokens(text) == 1") == [9])
        #expect(try rows(#"script(text) == "Latin""#).count == 10)
    }

    @Test func systemFunctions() throws {
        #expect(try rows("correct(bert) and not correct(lr)") == [1, 2, 5, 6, 8, 9])
        #expect(try rows("bert != lr") == [1, 2, 4, 5, 6, 7, 8, 9])
        #expect(try rows(#"lr == "pos" and label == "neg""#) == [1, 5, 9])
        #expect(try rows("accuracy(bert) < accuracy(lr)") == [4, 7])
    }

    @Test func errorsPointAtTheToken() throws {
        let eq = try #require(failure(#"genre = "x""#))
        #expect(eq.column == 7 && eq.message == "use '==' to compare")
        let fn = try #require(failure("lenght(text) > 2"))
        #expect(fn.column == 1 && fn.length == 6)
        #expect(fn.message.hasPrefix("unknown function 'lenght'; did you mean 'length'?"))
        let name = try #require(failure(#"gnre == "x""#))
        #expect(name.message.hasPrefix("unknown name 'gnre'; did you mean 'genre'?"))
        let end = try #require(failure("genre == "))
        #expect(end.column == 10 && end.message.hasPrefix("expected a value"))
        let paren = try #require(failure(#"(genre == "x""#))
        #expect(paren.column == 14 && paren.message == "expected ')' to close the '(' at column 1")
        let hyphen = try #require(failure("year-2000 > 3"))
        #expect(hyphen.message.hasPrefix("unknown name 'year-2000'; to subtract, put spaces around '-'"))
        let kind = try #require(failure("year"))
        #expect(kind.message.hasPrefix("this is a number, not a condition"))
        let mismatch = try #require(failure(#"year == "x""#))
        #expect(mismatch.column == 6 && mismatch.message == "cannot compare a number with a string")
        let regex = try #require(failure("text matches /(/"))
        #expect(regex.message == "invalid regular expression /(/")
        #expect(eq.description == "column 7: use '==' to compare\n  genre = \"x\"\n        ^")
    }

    @Test func canonicalTextRoundTrips() throws {
        let sources = [
            #"genre == "horror" and (length(input) > 20 or not correct(bert))"#,
            #"`odd name` in ["a", "b\"c"] or text matches /x\/y/i"#,
            "chrf++(s) - chrf(s) >= -1.5 * 2",
            #""x" in tags and tokens(text) != 3"#,
        ]
        for source in sources {
            let parsed = try SliceExpression.parse(source)
            let again = try SliceExpression.parse(parsed.description)
            #expect(again.description == parsed.description, "\(source)")
        }
        #expect(try SliceExpression.parse("a and b or c").description == "a and b or c")
        #expect(try SliceExpression.parse("a and (b or c)").description == "a and (b or c)")
        #expect(try SliceExpression.parse("(a - b) - c").description == "a - b - c")
        #expect(try SliceExpression.parse("a - (b - c)").description == "a - (b - c)")
    }

    @Test func groupsOneSlicePerValue() throws {
        let groups = try analysis.groups(by: "genre", within: BitSet.all(10))
        #expect(groups.map(\.name) == ["genre = drama", "genre = comedy", "genre = horror"])
        #expect(groups.map { Array($0.rows) } == [[1, 5, 6, 8], [0, 4, 9], [2, 3, 7]])
        let byCondition = try analysis.groups(by: "length(text) > 20", within: BitSet.all(10))
        #expect(byCondition.map(\.rows.count) == [5, 5])
    }
}
