import ErrataTestSupport
import Foundation
import Testing

/// A damaged or lost `tags.sqlite`: commands that do not need tags still run (with a warning
/// naming the file), the tag commands fail with the file and what to do, and a store
/// truncated to nothing is never silently started afresh.
@Suite(.serialized) struct TagStoreDamageTests {
    let folder: TemporaryDirectory
    let reviews: String

    init() throws {
        (folder, reviews) = try ReviewsOnDisk.write()
    }

    func errata(_ arguments: [String]) throws -> ErrataProcess.Result {
        try ErrataProcess.run(arguments.prefix(arguments[0] == "tags" ? 2 : 1) + [reviews] + ReviewsOnDisk.roles
            + arguments.dropFirst(arguments[0] == "tags" ? 2 : 1))
    }

    /// Tags one instance and answers the store's path.
    func storeWithATag() throws -> String {
        let added = try errata(["tags", "add", "--instance", "1", "--system", "bert", "--category", "A", "--annotator", "ana"])
        #expect(added.status == 0, "\(added.stderr)")
        let projects = folder.url.appendingPathComponent(".errata")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path).first)
        return projects.appendingPathComponent(name).appendingPathComponent("tags.sqlite").path
    }

    @Test func aDamagedStoreLeavesOtherCommandsWorking() throws {
        let store = try storeWithATag()
        try Data(String(repeating: "not a database ", count: 300).utf8).write(to: URL(fileURLWithPath: store))
        let problem = "\(store): the tag store is damaged or not a SQLite database"
        for command in [["validate"], ["summary"], ["slice", "--where", "year > 2010"]] {
            let result = try errata(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("errata: warning: tags not read, slices see none: \(problem)"), "\(command): \(result.stderr)")
        }
        let add = try errata(["tags", "add", "--instance", "2", "--category", "A", "--annotator", "ana"])
        #expect(add.status == 1)
        #expect(add.stderr == "errata: error: \(problem); restore it from a backup, or move it away to start a new, empty store\n")
    }

    @Test func aStoreTruncatedToNothingIsRefusedNotRestarted() throws {
        let store = try storeWithATag()
        try Data().write(to: URL(fileURLWithPath: store))
        let add = try errata(["tags", "add", "--instance", "2", "--category", "A", "--annotator", "ana"])
        #expect(add.status == 1)
        #expect(add.stderr.contains("\(store): the tag store is empty (0 bytes), but it held a store"))
        #expect(add.stderr.contains("delete \(store).marker"))
        #expect(try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int == 0)
        let summary = try errata(["summary"])
        #expect(summary.status == 0 && summary.stderr.contains("tags not read"))

        try FileManager.default.removeItem(atPath: store)
        let missing = try errata(["tags", "export"])
        #expect(missing.status == 1 && missing.stderr.contains("\(store): the tag store is missing, but one was created here"))
    }
}
