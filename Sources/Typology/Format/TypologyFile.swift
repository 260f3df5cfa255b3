import ErrataCore
import Foundation

/// The typology file: plain JSON that a team reviews, diffs and keeps in version control
/// (`errata tags typology export` / `import`).
///
/// ```json
/// {
///   "name": "MQM",
///   "severities": ["neutral", "minor", "major"],
///   "categories": [
///     {"name": "Accuracy", "description": "...", "key": "1", "children": [
///       {"name": "Mistranslation", "description": "..."},
///       ...
///     ]},
///     ...
///   ]
/// }
/// ```
extension Typology {
    /// The file's text: one line per category, keys in the order name, description, key,
    /// children, nesting by indentation. A rename, a new category or a new description changes
    /// one line of a diff, and a reader meets a category's name before its children (an
    /// encoder's sorted keys would put `children` first).
    public func jsonData() -> Data {
        var lines = ["{", "  \"name\": \(jsonString(name)),",
                     "  \"severities\": [\(severities.map(jsonString).joined(separator: ", "))],",
                     "  \"categories\": ["]
        func write(_ list: [Category], indent: String) {
            for (i, category) in list.enumerated() {
                var fields = ["\"name\": \(jsonString(category.name))"]
                if !category.description.isEmpty { fields.append("\"description\": \(jsonString(category.description))") }
                if let key = category.key { fields.append("\"key\": \(jsonString(key))") }
                let comma = i < list.count - 1 ? "," : ""
                if category.children.isEmpty {
                    lines.append("\(indent){\(fields.joined(separator: ", "))}\(comma)")
                } else {
                    lines.append("\(indent){\(fields.joined(separator: ", ")), \"children\": [")
                    write(category.children, indent: indent + "  ")
                    lines.append("\(indent)]}\(comma)")
                }
            }
        }
        write(categories, indent: "    ")
        lines += ["  ]", "}"]
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Reads a typology file. Errors are `LoadError`s naming `file` and where: the line and
    /// column of a JSON syntax error, the key path of a missing or mistyped field, or the
    /// category of a name, key or severity that breaks the rules (`validate`).
    public static func decode(_ data: Data, file: String) throws -> Typology {
        let typology: Typology
        do {
            typology = try JSONDecoder().decode(Typology.self, from: data)
        } catch let error as DecodingError {
            throw LoadError(file: file, decoding: error, in: data)
        }
        try typology.validate(file: file)
        return typology
    }
}

/// `text` as a JSON string literal: quotes, backslashes and control characters escaped, `/`
/// and everything else as it is (UTF-8).
private func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
