import ErrataTestSupport
import Foundation
import Testing

/// `--where '-year < 3'`: an expression that begins with a minus sign is the option's value,
/// not another option.
@Suite struct ExpressionArgumentTests {
    @Test func anExpressionMayBeginWithAMinusSign() throws {
        let (folder, reviews) = try ReviewsOnDisk.write()
        defer { folder.remove() }
        for arguments in [["--where", "-year < -2015"], ["--where=-year < -2015"]] {
            let result = try ErrataProcess.run(["slice", reviews] + ReviewsOnDisk.roles + arguments + ["--format", "json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(try result.json()["count"] as? Int == 2, "\(arguments)")
        }
        let grouped = try ErrataProcess.run(["summary", reviews] + ReviewsOnDisk.roles + ["--by", "-year > -2005", "--format", "json"])
        #expect(grouped.status == 0, "\(grouped.stderr)")
        // A value beginning with two dashes is still the next option.
        let missing = try ErrataProcess.run(["slice", reviews] + ReviewsOnDisk.roles + ["--where", "--format", "json"])
        #expect(missing.status == 2 && missing.stderr.contains("Missing value for '--where <expression>'"))
    }
}
