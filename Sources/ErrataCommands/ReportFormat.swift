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

    static func number(_ x: Double?, digits: Int = 4) -> String {
        guard let x else { return "" }
        return String(format: "%.\(digits)f", x)
    }

    /// `0.0012` as `0.0012`, tiny values in scientific notation.
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "" }
        return p < 0.0001 ? String(format: "%.1e", p) : String(format: "%.4f", p)
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
