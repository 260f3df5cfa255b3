import ErrataCore
import Foundation

/// `errata attribute --method head-importance`: each attention head's importance (Michel et
/// al. 2019) averaged over the instances, as a layer x head table, JSON or CSV.
struct HeadImportanceReport: Encodable {
    var method = "head-importance"
    var system: String
    var instances: Int
    /// [layer][head].
    var importance: [[Double]]

    func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try ReportWriter.json(self)
        case .csv:
            return ReportWriter.csv(header: ["layer", "head", "importance"], rows: importance.enumerated().flatMap { l, heads in
                heads.enumerated().map { [String(l), String($0), String($1)] }
            })
        case .table:
            let heads = importance.first?.count ?? 0
            return "head importance of \(system) over \(instances) instance\(instances == 1 ? "" : "s") (mean |d target / d gate|)\n"
                + ReportWriter.table(header: ["layer"] + (0 ..< heads).map { "h\($0)" },
                                     rows: importance.enumerated().map { l, row in [String(l)] + row.map { String(format: "%.4f", $0) } },
                                     rightAligned: Set(0 ... heads))
        }
    }
}
