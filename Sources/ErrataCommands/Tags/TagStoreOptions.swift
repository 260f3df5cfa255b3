import ArgumentParser
import ErrataCore
import Foundation
import Typology

/// The dataset whose tags a command reads or writes, and who is tagging.
struct TagStoreOptions: ParsableArguments {
    @OptionGroup var data: DatasetOptions

    @Option(help: "Who is tagging (default: $ERRATA_ANNOTATOR, else $USER).")
    var annotator: String?

    var annotatorName: String { Annotator.name(option: annotator) }

    /// The dataset (its tags visible to the slice language) and its store, created if new.
    func open() throws -> (Analysis, TagStore) {
        let analysis = try data.load(readingTags: false)
        let store = try TagStore(path: TagStore.path(for: analysis.dataset))
        analysis.tags.entries = InstanceTags(try store.tags()).entries
        return (analysis, store)
    }
}
