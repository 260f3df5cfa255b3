import Foundation

/// A WordPiece vocabulary (`vocab.txt`): one token per line, its id the line number from 0.
public struct Vocabulary: Sendable {
    public let tokens: [String]
    private let ids: [String: Int32]

    public init(tokens: [String]) {
        self.tokens = tokens
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() where ids[token] == nil { ids[token] = Int32(i) }
        self.ids = ids
    }

    /// Reads `vocab.txt`; a trailing newline does not add a token.
    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.init(tokens: lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 })
    }

    public var count: Int { tokens.count }

    public func id(_ token: String) -> Int32? { ids[token] }

    public func token(_ id: Int32) -> String { tokens[Int(id)] }
}
