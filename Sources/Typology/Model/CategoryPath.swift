import Foundation

/// Where a category sits in a typology: its names from the root down, written
/// `Accuracy/Omission`.
///
/// Tags, tallies, slice expressions (`tagged("Accuracy/Omission")`) and the JSON Lines export
/// all name categories by path, because a path reads well in a diff and survives a round trip
/// through any tool. Names cannot contain `/`.
public struct CategoryPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let components: [String]

    /// The most levels a path may have. Typologies nest two or three levels; work on a path
    /// grows with its depth (a path 10,000 levels deep took minutes and held the store's write
    /// lock, so other annotators' writes failed), so deeper paths are refused.
    public static let maximumDepth = 32

    /// How a path is written, for messages about one that is not.
    public static let syntax = "names separated by '/', at most \(maximumDepth) levels"

    /// The path of `text`, or nil when it is empty, has an empty component (`a//b`, `/a`) or
    /// more than `maximumDepth` components.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: Self.maximumDepth, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !parts.isEmpty, parts.count <= Self.maximumDepth, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        components = parts
    }

    public init(components: [String]) {
        precondition(!components.isEmpty && components.allSatisfy { !$0.isEmpty && !$0.contains("/") },
                     "a category path has non-empty components without '/'")
        self.components = components
    }

    public var name: String { components[components.count - 1] }
    public var parent: CategoryPath? {
        components.count > 1 ? CategoryPath(components: Array(components.dropLast())) : nil
    }
    public var description: String { components.joined(separator: "/") }

    public func appending(_ name: String) -> CategoryPath { CategoryPath(components: components + [name]) }

    /// True for the path itself and every category below it: a tag of `Accuracy/Omission`
    /// counts towards `Accuracy`.
    public func contains(_ other: CategoryPath) -> Bool {
        other.components.count >= components.count && Array(other.components.prefix(components.count)) == components
    }

    public static func < (a: CategoryPath, b: CategoryPath) -> Bool {
        a.components.lexicographicallyPrecedes(b.components)
    }
}
