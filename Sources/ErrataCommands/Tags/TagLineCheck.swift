import ErrataCore
import Typology

/// Checks that a tag refers to what the dataset has, so a typo in an id or a system name is
/// an error naming the line, not a tag that no slice will ever find.
enum TagLineCheck {
    /// What is wrong with `tag` for `dataset`, or nil.
    static func problem(_ tag: Tag, in dataset: Dataset) -> String? {
        if dataset.row(id: tag.instance) == nil { return "instance '\(tag.instance)' is not in \(dataset.name)" }
        if let system = tag.system, dataset.system(named: system) == nil {
            return "system '\(system)' is not in \(dataset.name) (systems: \(dataset.systems.map(\.name).joined(separator: ", ")))"
        }
        return nil
    }
}
