import ErrataCore
import Foundation
import Workbench

/// The bundled datasets as the start screen lists them, read from their manifests.
enum DatasetCatalog {
    /// Every folder with an `errata.json` in the first search folder that has any, by name.
    static func bundled() -> [DatasetEntry] {
        for folder in DatasetLocator.searchPath {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let entries = names.sorted().compactMap { entry(folder: (folder as NSString).appendingPathComponent($0)) }
            if !entries.isEmpty { return entries }
        }
        return []
    }

    /// The entry of a dataset folder; nil when it has no manifest. A manifest that does not
    /// read is listed with its problem, so a broken bundle shows rather than vanishes.
    private static func entry(folder: String) -> DatasetEntry? {
        let manifestPath = (folder as NSString).appendingPathComponent(Manifest.fileName)
        guard FileManager.default.fileExists(atPath: manifestPath) else { return nil }
        let bytes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).reduce(Int64(0)) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))
            return attributes?[.type] as? FileAttributeType == .typeRegular ? total + ((attributes?[.size] as? Int64) ?? 0) : total
        }
        let folderName = (folder as NSString).lastPathComponent
        do {
            let manifest = try Manifest.load(manifestPath)
            return DatasetEntry(name: manifest.name ?? folderName, path: folder, task: manifest.task?.rawValue,
                                description: manifest.description, bytes: bytes)
        } catch {
            return DatasetEntry(name: folderName, path: folder, bytes: bytes, problem: "\(error)")
        }
    }

    /// The entry with its instances and systems counted (the dataset read as `errata open`
    /// would), or the reason it does not load.
    @Sendable static func counted(_ entry: DatasetEntry) -> DatasetEntry {
        var entry = entry
        do {
            let options = try DatasetOptions.parse(["--", entry.path])
            let analysis = try options.load(reportSkipped: false, readingTags: false)
            entry.instances = analysis.dataset.count
            entry.systems = analysis.dataset.systems.count
        } catch {
            entry.problem = "\(error)"
        }
        return entry
    }
}
