import ArgumentParser
import ErrataCore
import Foundation
import TerminalUI

/// How a command prints its result.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people.
    case table
    /// The documented JSON shapes (docs/formats.md), for scripts.
    case json
    /// One header line and a line per row, for spreadsheets and pandas.
    case csv
}

/// Prints reports as tables, JSON or CSV.
enum ReportWriter {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func csv(header: [String], rows: [[String]]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Columns padded by display width; numbers right-aligned; long cells cut at `maxWidth`.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = [], maxWidth: Int = 48) -> String {
        let widths = header.indices.map { c in
            min(maxWidth, ([header] + rows).map { DisplayWidth.of($0[c]) }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { DisplayWidth.pad($0.element, to: widths[$0.offset], alignRight: rightAligned.contains($0.offset)) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// A number for CSV: empty when undefined.
    static func number(_ x: Double?, digits: Int = 4) -> String {
        guard let x else { return "" }
        return String(format: "%.\(digits)f", x)
    }

    /// What a table shows for an undefined value (docs/formats.md).
    static let undefined = "—"

    /// A number for a table: "—" when undefined.
    static func cell(_ x: Double?, signed: Bool = false) -> String {
        guard let x else { return undefined }
        return (signed && x >= 0 ? "+" : "") + String(format: "%.4f", x)
    }

    /// An interval for a table: `[low, high]`, or "—" when there is none.
    static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return undefined }
        return "[\(cell(low)), \(cell(high))]"
    }

    /// The distinct reasons a table's rows have no interval, one footnote line each.
    static func footnotes(_ reasons: [String?]) -> String {
        var seen: [String] = []
        for case let reason? in reasons where !seen.contains(reason) { seen.append(reason) }
        return seen.map { "\(undefined): \($0)\n" }.joined()
    }

    /// `0.0012` as `0.0012`, tiny values in scientific notation; an upper bound as `<0.0010`;
    /// "—" when undefined.
    static func pValue(_ p: Double?, isUpperBound: Bool = false) -> String {
        guard let p else { return undefined }
        return (isUpperBound ? "<" : "") + (p < 0.0001 ? String(format: "%.1e", p) : String(format: "%.4f", p))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension ReportWriter {
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
