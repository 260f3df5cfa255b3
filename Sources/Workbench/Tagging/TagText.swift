import ErrataCore
import Typology

/// The table's tags cell: the categories' last names, each once, in the order tagged
/// (`Omission,Grammar`): short enough for a narrow column, the full paths are in the detail.
func tagSummary(_ tags: [StoredTag]) -> String {
    var seen = Set<String>()
    return tags.flatMap(\.tag.categories).map(\.name).filter { seen.insert($0).inserted }.joined(separator: ",")
}

/// The detail overlay's tags: one line per tag, annotator first, so that where two
/// annotators disagree their categories stand one above the other.
func tagLines(_ tags: [StoredTag]) -> String {
    tags.sorted { ($0.tag.annotator, $0.tag.system ?? "", $0.id) < ($1.tag.annotator, $1.tag.system ?? "", $1.id) }.map { stored in
        let tag = stored.tag
        var parts = ["\(tag.annotator)\(tag.system.map { " on \($0)" } ?? "")\(tag.span.map { " " + spanLabel($0) } ?? ""): \(tag.categories.map(\.description).joined(separator: ", "))"]
        if let severity = tag.severity { parts.append(severity) }
        if !tag.note.isEmpty { parts.append("“\(tag.note)”") }
        return parts.joined(separator: " · ")
    }.joined(separator: "\n")
}

/// A span as the workbench and `errata tags add --span` write it: `12:19`, end excluded.
func spanLabel(_ span: TextSpan) -> String { "\(span.start):\(span.end)" }
