import Foundation

extension LoadError {
    /// A JSON file's decoding error as a located `LoadError`: a syntax error with its line and
    /// column, anything else with the offending key (`Manifest.explain`). `data` is the file's
    /// content, to locate syntax errors.
    public init(file: String, decoding error: DecodingError, in data: Data, document: String = "the document") {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            self = Self.syntaxError(file: file, in: data)
        } else {
            self.init(file: file, Manifest.explain(error, document: document))
        }
    }

    /// Where the JSON in `data` breaks. JSONDecoder on Linux says only that the data is not
    /// valid JSON, so it is parsed again by JSONSerialization, whose message says "Invalid
    /// value around character 34" (a byte offset; Darwin's says "around line 3, column 18").
    private static func syntaxError(file: String, in data: Data) -> LoadError {
        var detail = ""
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        }
        if let match = detail.firstMatch(of: /(.*) around line (\d+), column (\d+)/) {
            return LoadError(file: file, line: Int(match.2), column: Int(match.3), "not valid JSON: \(match.1)")
        }
        if let match = detail.firstMatch(of: /(.*) around character (\d+)/), let offset = Int(match.2) {
            let lines = String(decoding: data.prefix(offset), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            return LoadError(file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1, "not valid JSON: \(match.1)")
        }
        return LoadError(file: file, "not valid JSON" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
