import ErrataCore
import Foundation
import Testing
@testable import Typology

@Suite struct TypologyFileTests {
    @Test(arguments: Typology.presetNames)
    func presetsRoundTrip(_ name: String) throws {
        let typology = try #require(Typology.preset(named: name))
        #expect(try Typology.decode(typology.jsonData(), file: "t.json") == typology)
    }

    @Test func writesOneLinePerCategoryNameFirst() {
        let typology = Typology(name: "T", severities: ["minor", "major"], categories: [
            .init("A/B?", "quote \" and slash /", key: "1", children: [.init("Leaf"), .init("Tab\there")]),
            .init("C"),
        ])
        // The name with '/' is invalid to decode but shows that '/' is written unescaped.
        let text = String(decoding: typology.jsonData(), as: UTF8.self)
        #expect(text == """
            {
              "name": "T",
              "severities": ["minor", "major"],
              "categories": [
                {"name": "A/B?", "description": "quote \\" and slash /", "key": "1", "children": [
                  {"name": "Leaf"},
                  {"name": "Tab\\there"}
                ]},
                {"name": "C"}
              ]
            }

            """)
    }

    private func error(_ text: String) throws -> LoadError {
        do {
            _ = try Typology.decode(Data(text.utf8), file: "typology.json")
        } catch let error as LoadError {
            return error
        }
        Issue.record("expected an error for \(text)")
        return LoadError(file: "", "")
    }

    private func categories(_ json: String, severities: String = "[]") -> String {
        "{\"name\": \"T\", \"severities\": \(severities), \"categories\": [\(json)]}"
    }

    @Test func syntaxErrorsNameLineAndColumn() throws {
        let e = try error("{\n  \"name\": \"T\",\n  \"severities\": [x]\n}")
        // `  "severities": [x]`: the x is the 18th character of line 3.
        #expect(e.file == "typology.json" && e.line == 3 && e.column == 18)
        #expect(e.message.hasPrefix("not valid JSON: "))
        // Columns count characters, not bytes.
        let accented = try error("{\"name\": \"é\", x}")
        #expect(accented.line == 1 && accented.column == 15)
    }

    @Test func structuralErrorsNameTheKeyPath() throws {
        let missing = try error(categories("{\"name\": \"A\", \"children\": [{\"description\": \"d\"}]}"))
        #expect(missing.description == "typology.json: missing key 'name' in key 'categories[0].children[0]'")
        let mistyped = try error(categories("{\"name\": 3}"))
        #expect(mistyped.description == "typology.json: key 'categories[0].name': expected a string")
    }

    @Test func validationNamesTheCategory() throws {
        #expect(try error(categories("{\"name\": \"A\", \"children\": [{\"name\": \"B\"}, {\"name\": \"B\"}]}")).description
            == "typology.json: two categories named 'B' under 'A'")
        #expect(try error(categories("{\"name\": \"A/B\"}")).description
            == "typology.json: category 'A/B' at the top level: a name cannot contain '/'")
        #expect(try error(categories("{\"name\": \"A\", \"children\": [{\"name\": \" \"}]}")).description
            == "typology.json: a category under 'A' has an empty name")
        #expect(try error(categories("{\"name\": \" A\"}")).description
            == "typology.json: category ' A' at the top level: a name cannot start or end with a space")
        #expect(try error(categories("{\"name\": \"A\", \"key\": \"1\", \"children\": [{\"name\": \"B\", \"key\": \"1\"}]}")).description
            == "typology.json: categories 'A' and 'A/B' both have the key '1'")
        #expect(try error(categories("{\"name\": \"A\", \"key\": \"12\"}")).description
            == "typology.json: category 'A': the key '12' is not a single visible character")
        #expect(try error(categories("{\"name\": \"A\"}", severities: "[\"minor\", \"minor\"]")).description
            == "typology.json: severities: 'minor' is listed twice")
    }
}
