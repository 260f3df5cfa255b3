import Foundation

/// Writes rows of `Field`s as CSV (RFC 4180 quoting), TSV (no quoting) or JSON Lines,
/// buffering a megabyte at a time.
final class TableWriter {
    enum Format { case csv, tsv, jsonLines }

    private let format: Format
    private let columns: [String]
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String, format: Format, columns: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw GenerateError("cannot create \(path)")
        }
        self.format = format
        self.columns = columns
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
        if format != .jsonLines {
            append(columns.joined(separator: format == .csv ? "," : "\t"))
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    func write(_ fields: [Field]) {
        switch format {
        case .csv, .tsv:
            for (i, field) in fields.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: format == .csv ? "," : "\t")) }
                if case .text(let s) = field, format == .csv, s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }) {
                    append("\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                } else {
                    append(Self.plain(field))
                }
            }
        case .jsonLines:
            buffer.append(UInt8(ascii: "{"))
            for (i, field) in fields.enumerated() {
                if i > 0 { buffer.append(UInt8(ascii: ",")) }
                append(Self.jsonString(columns[i]) + ":")
                switch field {
                case .text(let s): append(Self.jsonString(s))
                case .missing: append("null")
                default: append(Self.plain(field))
                }
            }
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 20 { flush() }
    }

    func close() throws {
        flush()
        try handle.close()
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ s: String) {
        buffer.append(contentsOf: s.utf8)
    }

    private static func plain(_ field: Field) -> String {
        switch field {
        case .text(let s): s
        case .number(let x): x == x.rounded() ? String(Int64(x)) : String(x)
        case .decimal(let x, let places): String(format: "%.\(places)f", x)
        case .missing: ""
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A dataset that cannot be written.
struct GenerateError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
