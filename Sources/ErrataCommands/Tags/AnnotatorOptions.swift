import ArgumentParser
import ErrataCore
import Foundation
import Typology

/// Whose tags a report reads: the store's, with the dataset's expert ratings when asked
/// (read from the data, never written to the store), narrowed to some annotators.
struct AnnotatorOptions: ParsableArguments {
    @Flag(help: "Count the dataset's expert ratings (the raters of an MQM file) as annotators beside the store's tags.")
    var experts = false

    @Option(help: ArgumentHelp("Only these annotators (comma-separated; experts by rater name).", valueName: "names"))
    var annotators: String?

    /// The annotators asked for, nil for everyone.
    var chosen: [String]? {
        annotators.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// The tags to report on, and the expert raters among their annotators.
    func tags(_ stored: [Tag], dataset: Dataset) throws -> (tags: [Tag], experts: Set<String>) {
        var tags = stored
        var experts = Set<String>()
        if self.experts {
            guard !dataset.expertRatings.isEmpty else {
                throw AnalysisError("\(dataset.name) has no expert ratings (--experts reads the ratings that come with the data, e.g. an MQM file's)")
            }
            tags = try ExpertTags.merging(stored, with: dataset.expertRatings)
            experts = Set(dataset.expertRatings.raters)
        }
        if let chosen {
            let known = Set(tags.map(\.annotator))
            if let unknown = chosen.first(where: { !known.contains($0) }) {
                throw AnalysisError("--annotators: no tags by '\(unknown)' (annotators: \(known.sorted().joined(separator: ", ")))"
                                    + (self.experts || dataset.expertRatings.isEmpty ? "" : "; add --experts for the dataset's raters"))
            }
            tags = tags.filter { chosen.contains($0.annotator) }
        }
        return (tags, experts)
    }
}
