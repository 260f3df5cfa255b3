extension Typology {
    /// The presets by the names `errata tags typology` accepts, in the order help lists them.
    private static let presets: [(name: String, typology: Typology)] = [
        ("mqm", .mqm), ("vilar", .vilar2006), ("classification", .classification),
    ]

    public static var presetNames: [String] { presets.map(\.name) }

    /// The preset called `name` (case-insensitive), or nil.
    public static func preset(named name: String) -> Typology? {
        presets.first { $0.name == name.lowercased() }?.typology
    }
}
