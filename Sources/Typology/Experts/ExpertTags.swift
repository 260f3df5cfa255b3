import ErrataCore
import Foundation

/// A dataset's expert ratings read as tags, so that everything that reads tags (agreement,
/// tallies, the workbench's spans) reads the experts' judgements the same way. Read-only:
/// these tags are made from the data each time and never written to the user's store.
///
/// - Annotator: the rater.
/// - Categories: the rating's category as a path (`Accuracy/Mistranslation`), cleaned of what
///   the path syntax rejects or the MQM preset spells otherwise (`expertCategory`).
/// - Severity: lowercased (`Major` → `major`), the MQM preset's levels.
/// - Span: the error's span in the output, when the rater marked one there.
///
/// Each error is one tag. A rating without errors (MQM's `No-error`) is one tag without a
/// category: the rater judged the output and found nothing, which agreement counts as a
/// judgement ("absent" for every category), as it does for a user's empty tag.
public enum ExpertTags {
    public static func tags(_ ratings: ExpertRatings) -> [Tag] {
        // A file names a dozen categories over tens of thousands of errors: each is read once.
        var paths: [String: CategoryPath?] = [:]
        func path(_ name: String) -> CategoryPath? {
            if let known = paths[name] { return known }
            let path = expertCategory(name)
            paths[name] = .some(path)
            return path
        }
        return ratings.ratings.flatMap { rating -> [Tag] in
            let errors = rating.errors.compactMap { error in path(error.category).map { (error, $0) } }
            guard !errors.isEmpty else {
                return [Tag(instance: rating.instance, system: rating.system, categories: [], annotator: rating.rater, time: "")]
            }
            return errors.map { error, category in
                Tag(instance: rating.instance, system: rating.system, span: error.span, categories: [category],
                    severity: error.severity.isEmpty ? nil : error.severity.lowercased(), annotator: rating.rater, time: "")
            }
        }
    }

    /// The category path of an MQM category name; nil for `No-error` (no error at all).
    ///
    /// Components are trimmed, empty ones dropped (`Accuracy/` → `Accuracy`), a trailing `!`
    /// dropped (`Non-translation!` is the preset's `Non-translation`), and deeper paths cut at
    /// `CategoryPath.maximumDepth`; a name left empty becomes `Other`, MQM's category for
    /// what fits no other.
    public static func expertCategory(_ name: String) -> CategoryPath? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.caseInsensitiveCompare("No-error") == .orderedSame { return nil }
        let components = trimmed.split(separator: "/").map { component in
            var text = component.trimmingCharacters(in: .whitespacesAndNewlines)
            while text.hasSuffix("!") { text.removeLast() }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
        guard !components.isEmpty else { return CategoryPath(components: ["Other"]) }
        return CategoryPath(components: Array(components.prefix(CategoryPath.maximumDepth)))
    }

    /// `user` tags with the experts' added; an annotator of the store named like a rater is an
    /// error (their judgements would be pooled as one annotator's).
    public static func merging(_ user: [Tag], with ratings: ExpertRatings) throws -> [Tag] {
        let raters = Set(ratings.raters)
        if let clash = user.first(where: { raters.contains($0.annotator) }) {
            throw ExpertNameClash(annotator: clash.annotator)
        }
        return user + tags(ratings)
    }
}

/// A store's annotator has the name of one of the dataset's expert raters.
public struct ExpertNameClash: Error, Equatable, CustomStringConvertible {
    public var annotator: String

    public var description: String {
        "the tag store has tags by '\(annotator)', which is also the name of an expert rater of the dataset: their judgements would be counted as one annotator's; export the tags, rename that annotator, and import them into a fresh store"
    }
}
