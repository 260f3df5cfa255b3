import ErrataCore
import TerminalUI
import Typology

/// The tag being made for one instance: what the palette shows and Enter saves.
///
/// Opened on an instance this annotator has already tagged for the judged system, it starts
/// from that tag and Enter replaces it, so one annotator has one tag per instance and system.
public struct TagPalette: Sendable, Equatable {
    /// Where typed characters go: category keys (none), the note, a new category's path, or
    /// the picker's filter.
    public enum Field: Sendable, Equatable {
        case none
        case note
        case newCategory(TextField)
        case picker(query: TextField, cursor: Int)
    }

    public var instance: String
    public var system: String?
    /// The characters of the system's output the tag is about (marked in the detail view);
    /// nil for the output, or the instance, as a whole.
    public var span: TextSpan?
    public var categories: [CategoryPath]
    public var severity: String?
    /// The note, edited in place while the field is `.note`.
    public var noteField: TextField
    public var note: String { noteField.text }
    /// The id of this annotator's existing tag that Enter replaces.
    public var replacing: Int64?
    public var field: Field = .none
    /// The palette's keys are listed in place of its categories (`?`).
    public var showsKeys = false
    /// Why the last save failed: the palette reopened with the tag so nothing is lost.
    public var error: String?

    public init(instance: String, system: String?, span: TextSpan? = nil, existing: StoredTag?) {
        self.instance = instance
        self.system = system
        self.span = span
        categories = existing?.tag.categories ?? []
        severity = existing?.tag.severity
        noteField = TextField(existing?.tag.note ?? "")
        replacing = existing?.id
    }

    /// Selects `path`, or deselects it when selected.
    public mutating func toggle(_ path: CategoryPath) {
        if let i = categories.firstIndex(of: path) { categories.remove(at: i) } else { categories.append(path) }
    }

    /// The tag Enter saves; its time is stamped by the runner when it commits.
    public func tag(annotator: String) -> Tag {
        Tag(instance: instance, system: system, span: span, categories: categories, severity: severity,
            note: note, annotator: annotator, time: "")
    }

    /// The categories the picker lists for `query`: every path containing it, ignoring case,
    /// with categories made up in this palette and not yet saved.
    public func pickable(from typology: Typology, query: String) -> [CategoryPath] {
        let all = typology.paths + categories.filter { typology.category(at: $0) == nil }
        guard !query.isEmpty else { return all }
        let needle = query.lowercased()
        return all.filter { $0.description.lowercased().contains(needle) }
    }
}
