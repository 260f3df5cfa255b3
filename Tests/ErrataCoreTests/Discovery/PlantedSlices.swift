import BitCollections
import ErrataCore
import ErrataTestSupport

/// A generated classification dataset with three planted failure slices and nothing else:
/// a base error rate of 8% everywhere, and
/// - `region == "r1" and device == "d2"` (about 1/24 of the rows) at 45%,
/// - `channel == "c3" and flag` (about 1/6) at 30%,
/// - `region == "r4" and device == "d1" and not flag` (about 1/48) at 75%.
/// The other columns (`noise`, `score` with nine decimals, the list `topics`, the words of
/// `text`) are drawn independently of the errors.
struct PlantedSlices {
    static let expressions = [
        #"region == "r1" and device == "d2""#,
        #"channel == "c3" and flag"#,
        #"region == "r4" and device == "d1" and not flag"#,
    ]

    let analysis: Analysis
    /// The rows of each planted slice, in the order of `expressions`.
    let planted: [BitSet]

    init(seed: UInt64, rows: Int = 4000) throws {
        var random = SeededGenerator(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func pick(_ values: [String]) -> String { values[random.nextIndex(below: values.count)] }
        // A hundred words of one length (none a substring of another), each in about a tenth
        // of the texts.
        let vocabulary = (0 ..< 100).map { String(format: "w%02d", $0) }
        var csv = "id,text,gold,pred_s,region,device,channel,flag,noise,score,topics\n"
        for row in 0 ..< rows {
            let region = pick(["r1", "r2", "r3", "r4", "r5", "r6"]), device = pick(["d1", "d2", "d3", "d4"])
            let channel = pick(["c1", "c2", "c3"]), flag = random.next() & 1 == 0
            var rate = 0.08
            if region == "r1", device == "d2" { rate = 0.45 }
            if channel == "c3", flag { rate = max(rate, 0.30) }
            if region == "r4", device == "d1", !flag { rate = 0.75 }
            let gold = pick(["pos", "neg"])
            let predicted = uniform() < rate ? (gold == "pos" ? "neg" : "pos") : gold
            let text = (0 ..< 5 + random.nextIndex(below: 10)).map { _ in pick(vocabulary) }.joined(separator: " ")
            let noise = pick(["n1", "n2", "n3", "n4", "n5"])
            let topics = ["t1", "t2", "t3", "t4"].filter { _ in uniform() < 0.3 }.map { "\"\"\($0)\"\"" }.joined(separator: ",")
            csv += "\(row + 1),\(text),\(gold),\(predicted),\(region),\(device),\(channel),\(flag),\(noise),"
                + "\(String(format: "%.9f", uniform())),\"[\(topics)]\"\n"
        }
        var roles = ColumnRoles()
        roles.id = "id"
        roles.inputs = ["text"]
        roles.label = "gold"
        roles.outputs = [("s", "pred_s")]
        roles.types = ["flag": .boolean, "score": .numeric, "topics": .list]
        let analysis = Analysis(dataset: try Fixtures.load("planted.csv", csv, roles: roles))
        self.analysis = analysis
        planted = try Self.expressions.map { try analysis.evaluator.rows(where: $0) }
    }
}
