import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

/// MQM error points and other lower-is-better columns: "better" and sorting follow them.
@Suite struct MetricDirectionTests {
    /// Twelve sentences; `clean` has no MQM error points, `sloppy` a major error (5) on each.
    static let mqm: String = {
        var lines = ["id,source,reference,system,hypothesis,mqm,latency"]
        for i in 1 ... 12 {
            lines.append("\(i),source \(i),Referenz \(i),clean,Referenz \(i),0,\(i)")
            lines.append("\(i),source \(i),Referenz \(i),sloppy,Falsch \(i),5,\(i + 1)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func roles(lower: Set<String> = [], higher: Set<String> = []) -> ColumnRoles {
        var roles = ColumnRoles()
        roles.layout = .long
        roles.id = "id"
        roles.inputs = ["source"]
        roles.label = "reference"
        roles.systemColumn = "system"
        roles.outputColumn = "hypothesis"
        roles.lowerIsBetter = lower
        roles.higherIsBetter = higher
        return roles
    }

    static func compare(_ roles: ColumnRoles, metric: String) throws -> Comparison {
        let analysis = Analysis(dataset: try Fixtures.load("mqm.csv", mqm, roles: roles))
        return try analysis.comparison(slices: [NamedSlice(name: "all", rows: BitSet.all(12))], systems: ["sloppy", "clean"], metric: metric)
    }

    @Test func mqmPointsAreLowerIsBetterByName() throws {
        let c = try Self.compare(Self.roles(), metric: "mqm")
        #expect(!c.higherIsBetter)
        let row = try #require(c.rows.first)
        // Every sentence favours clean: exact randomization p = 2 / 2^12 (identity and mirror).
        #expect(row.delta == -5 && row.pValue == 1.0 / 2048 && row.test == .randomizationExact)
        #expect(row.better == "clean")
    }

    @Test func declarationsOverrideTheName() throws {
        // A negated MQM score would be declared higher-is-better: now the 5s win.
        let flipped = try Self.compare(Self.roles(higher: ["mqm"]), metric: "mqm")
        #expect(flipped.higherIsBetter && flipped.rows.first?.better == "sloppy")
        // Any other column is higher-is-better until declared otherwise.
        let latency = try Self.compare(Self.roles(), metric: "latency")
        // clean is 1 lower on each sentence: higher-is-better calls sloppy better.
        #expect(latency.higherIsBetter && latency.rows.first?.better == "sloppy")
    }

    @Test func userColumnsTakeADeclaredDirection() throws {
        let analysis = Analysis(dataset: try Fixtures.load("mqm.csv", Self.mqm, roles: Self.roles(lower: ["latency"])))
        #expect(!analysis.higherIsBetter(metric: "latency"))
        #expect(analysis.higherIsBetter(metric: "chrf") && !analysis.higherIsBetter(metric: "ter"))
        let c = try analysis.comparison(slices: [NamedSlice(name: "all", rows: BitSet.all(12))], systems: ["sloppy", "clean"], metric: "latency")
        #expect(c.rows.first?.better == "clean")
    }

    @Test func unknownDeclarationsWarn() throws {
        let dataset = try Fixtures.load("mqm.csv", Self.mqm, roles: Self.roles(lower: ["speed"]))
        #expect(dataset.warnings.contains("'speed' is declared lower- or higher-is-better but is not a numeric column; the declaration has no effect"))
    }
}
