/// A hierarchy of error categories, as a value: what a team reviews, exports and imports.
///
/// The on-disk store (`TagStore`) keeps its own copy in SQLite, with ids, so that renaming,
/// moving or merging a category keeps every tag that used it; this value is the store's
/// typology read out, or a preset, or a file about to be imported.
public struct Typology: Sendable, Equatable, Codable {
    public struct Category: Sendable, Equatable, Codable {
        public var name: String
        public var description: String
        /// A single key that applies this category in the workbench's tagging palette.
        public var key: String?
        public var children: [Category]

        public init(_ name: String, _ description: String = "", key: String? = nil, children: [Category] = []) {
            self.name = name
            self.description = description
            self.key = key
            self.children = children
        }

        enum CodingKeys: String, CodingKey { case name, description, key, children }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
            key = try c.decodeIfPresent(String.self, forKey: .key)
            children = try c.decodeIfPresent([Category].self, forKey: .children) ?? []
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            if !description.isEmpty { try c.encode(description, forKey: .description) }
            try c.encodeIfPresent(key, forKey: .key)
            if !children.isEmpty { try c.encode(children, forKey: .children) }
        }
    }

    public var name: String
    /// Severity levels from least to most severe (WMT's MQM: neutral, minor, major); empty when
    /// the typology has none.
    public var severities: [String]
    public var categories: [Category]

    public init(name: String, severities: [String] = [], categories: [Category]) {
        self.name = name
        self.severities = severities
        self.categories = categories
    }

    /// Every category with its path, depth first in the typology's order.
    public var entries: [(path: CategoryPath, category: Category)] {
        var out: [(CategoryPath, Category)] = []
        func walk(_ list: [Category], _ parent: CategoryPath?) {
            for c in list {
                let path = parent?.appending(c.name) ?? CategoryPath(components: [c.name])
                out.append((path, c))
                walk(c.children, path)
            }
        }
        walk(categories, nil)
        return out.map { (path: $0.0, category: $0.1) }
    }

    public var paths: [CategoryPath] { entries.map(\.path) }

    public func category(at path: CategoryPath) -> Category? {
        entries.first { $0.path == path }?.category
    }
}
