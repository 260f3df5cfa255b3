import Foundation
import ErrataCore

extension Typology {
    /// Checks what JSON cannot: names that would make ambiguous or unparsable paths, and keys
    /// or severities given twice. Throws the first problem in document order, naming the file
    /// and where in the tree (a path or its parent), since the decoder keeps no line numbers
    /// once the JSON has parsed.
    func validate(file: String) throws {
        var severitiesSeen = Set<String>()
        for severity in severities {
            if severity.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw LoadError(file: file, "severities: an empty severity") }
            if !severitiesSeen.insert(severity).inserted {
                throw LoadError(file: file, "severities: '\(severity)' is listed twice")
            }
        }
        var keyOwners: [String: String] = [:]
        func check(_ list: [Category], under parent: [String]) throws {
            let place = parent.isEmpty ? "at the top level" : "under '\(parent.joined(separator: "/"))'"
            var siblings = Set<String>()
            for category in list {
                let name = category.name
                if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw LoadError(file: file, "a category \(place) has an empty name") }
                if name.contains("/") { throw LoadError(file: file, "category '\(name)' \(place): a name cannot contain '/'") }
                if name != name.trimmingCharacters(in: .whitespacesAndNewlines) {
                    throw LoadError(file: file, "category '\(name)' \(place): a name cannot start or end with a space")
                }
                if !siblings.insert(name).inserted { throw LoadError(file: file, "two categories named '\(name)' \(place)") }
                let path = (parent + [name]).joined(separator: "/")
                if let key = category.key {
                    guard key.count == 1, let character = key.first, !character.isWhitespace else {
                        throw LoadError(file: file, "category '\(path)': the key '\(key)' is not a single visible character")
                    }
                    if let owner = keyOwners[key] {
                        throw LoadError(file: file, "categories '\(owner)' and '\(path)' both have the key '\(key)'")
                    }
                    keyOwners[key] = path
                }
                try check(category.children, under: parent + [name])
            }
        }
        try check(categories, under: [])
    }
}
