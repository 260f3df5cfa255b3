import ErrataCore
import Typology

/// Checks that a tag refers to what the dataset has, so a typo in an id or a system name is
/// an error naming the line, not a tag that no slice will ever find.
enum TagLineCheck {
    /// What is wrong with `tag` for `dataset`, or nil.
    static func problem(_ tag: Tag, in dataset: Dataset) -> String? {
        guard let row = dataset.row(id: tag.instance) else { return "instance '\(tag.instance)' is not in \(dataset.name)" }
        guard let name = tag.system else {
            return tag.span == nil ? nil : "a span is a place in a system's output; give the system of instance '\(tag.instance)'"
        }
        guard let system = dataset.system(named: name) else {
            return "system '\(name)' is not in \(dataset.name) (systems: \(dataset.systems.map(\.name).joined(separator: ", ")))"
        }
        if let span = tag.span {
            let length = system.hasOutput(row) ? system.output[row].unicodeScalars.count : 0
            if span.end > length {
                return "span \(span.start):\(span.end) is outside the output of system '\(name)' for instance '\(tag.instance)', which has \(length) characters (Unicode scalars)"
            }
        }
        return nil
    }
}
