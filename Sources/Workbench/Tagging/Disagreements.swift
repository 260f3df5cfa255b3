import ErrataCore
import Typology

/// `:disagreements`: the instances where annotators disagree (`Agreement.disagreements`: on
/// categories, or on the spans they marked), the dataset's experts counted as annotators, as
/// the table's filter, `id in [...]`, so that the adjudication queue can be saved (`:save`)
/// and combined with other slices; the detail overlay lists each annotator's tags and draws
/// their spans.
func showDisagreements(_ state: inout AppState) -> [Effect] {
    let tags = state.tagging.tags.map(\.tag) + state.tagging.expertTags.values.joined()
    let agreement = Agreement(tags: tags, typology: state.tagging.typology)
    var seen = Set<String>()
    let ids = agreement.disagreements.map(\.instance).filter { seen.insert($0).inserted }
    guard !ids.isEmpty else {
        state.message = .init(text: "no disagreements: \(agreement.units) units tagged by two or more annotators", isError: false)
        return []
    }
    return applyFilter(&state, "id in [\(ids.map(SliceExpression.quote).joined(separator: ", "))]",
                       announcement: "\(agreement.disagreements.count) units where annotators disagree, of \(agreement.units) tagged by two or more"
                           + " · Enter shows each one's tags")
}
