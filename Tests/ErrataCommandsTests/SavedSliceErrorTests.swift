import ErrataTestSupport
import Foundation
import Testing

/// A saved slice whose filter is too deep (or was broken by hand) is an error naming
/// slices.json, the slice and the column, never a crash.
@Suite struct SavedSliceErrorTests {
    @Test func aDeepSavedFilterIsALocatedError() throws {
        let (folder, reviews) = try ReviewsOnDisk.write()
        defer { folder.remove() }
        let deep = String(repeating: "(", count: 15_000) + "year > 2000" + String(repeating: ")", count: 15_000)
        let project = folder.url.appendingPathComponent(".errata/reviews.csv")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let file = project.appendingPathComponent("slices.json")
        try Data(#"{"slices": [{"name": "deep", "folder": "", "filter": "\#(deep)"}], "version": 1}"#.utf8).write(to: file)
        for command in [["slices"], ["summary", "--saved"], ["compare", "--systems", "lr,bert", "--slice", "deep"]] {
            let result = try ErrataProcess.run([command[0], reviews] + ReviewsOnDisk.roles + command.dropFirst())
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.hasPrefix("errata: error: \(file.path): saved slice 'deep': column 201: the expression nests more than 200 levels deep"),
                    "\(command): \(result.stderr.prefix(300))")
        }
    }
}
