import Foundation
import Testing

/// `errata discover` end to end: the real binary on the bundled rotten-tomatoes data.
@Suite(.serialized) struct DiscoverCommandTests {
    static let arguments = ["discover", "rotten-tomatoes", "--system", "bow", "--alpha", "0.99", "--min-support", "20", "--k", "6"]

    /// The documented row shape, and each expression given to `errata slice --where`
    /// selects as many instances as the slice has.
    @Test func jsonRowsRoundTripThroughSlice() throws {
        let r = try ErrataProcess.run(Self.arguments + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 6)
        #expect(json["test"] as? String == "two-proportion z-test")
        #expect((json["correction"] as? String)?.hasPrefix("Holm over the ") == true)
        for row in rows {
            #expect(Set(row.keys) == ["slice", "expression", "size", "error", "rest_error", "delta", "ci_low", "ci_high",
                                      "p_value", "p_adjusted", "score", "significant"])
            let expression = try #require(row["expression"] as? String)
            let listing = try ErrataProcess.run(["slice", "rotten-tomatoes", "--where", expression, "--format", "json"])
            #expect(listing.status == 0, "\(listing.stderr)")
            #expect(try listing.json()["count"] as? Int == row["size"] as? Int, "\(expression)")
            let error = try #require(row["error"] as? Double), rest = try #require(row["rest_error"] as? Double)
            #expect(abs((row["delta"] as? Double ?? .nan) - (error - rest)) < 1e-12)
        }
    }

    @Test func tableMarksSlicesThatAreNotSignificant() throws {
        let r = try ErrataProcess.run(Self.arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("slice "))
        #expect(r.stdout.contains("not significant"))
        #expect(r.stdout.contains("2425 instances, error 0.2520; two-proportion z-test, Holm over the "))
    }

    @Test func badParametersAndNamesAreReported() throws {
        let alpha = try ErrataProcess.run(["discover", "rotten-tomatoes", "--system", "bow", "--alpha", "0"])
        #expect(alpha.status == 2)
        #expect(alpha.stderr.contains("alpha must lie in (0, 1]"))
        let system = try ErrataProcess.run(["discover", "rotten-tomatoes", "--system", "bwo"])
        #expect(system.status == 1)
        #expect(system.stderr.contains("unknown system 'bwo'"))
    }
}
