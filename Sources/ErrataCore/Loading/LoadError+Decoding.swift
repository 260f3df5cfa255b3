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

    /// Where the JSON in `data` breaks: JSONDecoder on Linux says only that the data is not
    /// valid JSON, so errata's own checker (`JSONSyntax`, on the readers' `ByteCursor`) finds
    /// the line and column.
    private static func syntaxError(file: String, in data: Data) -> LoadError {
        let failure = data.withUnsafeBytes { JSONSyntax.firstError(in: $0.bindMemory(to: UInt8.self)) }
        guard let failure else { return LoadError(file: file, "not valid JSON") }
        return LoadError(file: file, line: failure.line, column: failure.column, "not valid JSON: \(failure.message)")
    }
}
