import ErrataCore
import Foundation

/// Small datasets written to a temporary folder and loaded through the real loader.
public enum Fixtures {
    /// Writes `contents` as `name` in a fresh folder and loads it with `roles`.
    public static func load(_ name: String, _ contents: String, roles: ColumnRoles = ColumnRoles(), skipBadLines: Bool = false) throws -> Dataset {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        return try DatasetLoader.load(try folder.write(name, contents), overrides: roles, skipBadLines: skipBadLines)
    }

    /// Ten movie reviews, two classifiers: bert right on 8, lr on 4; only bert right on 6, only lr on 2.
    public static let reviews = """
        id,text,gold,pred_bert,pred_lr,genre,year
        1,"A joy from start to finish",pos,pos,pos,comedy,2001
        2,"Dull, and far too long",neg,neg,pos,drama,2003
        3,"The horror of it all: brilliant",pos,pos,neg,horror,2005
        4,"Scary in the wrong ways",neg,neg,neg,horror,2007
        5,"I laughed, I cried",pos,neg,pos,comedy,2009
        6,"Not good at all",neg,neg,pos,drama,2011
        7,"Simply stunning",pos,pos,neg,drama,2013
        8,"Worst film of the year",neg,pos,neg,horror,2015
        9,"A quiet masterpiece",pos,pos,neg,drama,2017
        10,"Forgettable",neg,neg,pos,comedy,2019

        """

    public static var reviewRoles: ColumnRoles {
        var roles = ColumnRoles()
        roles.id = "id"
        roles.inputs = ["text"]
        roles.label = "gold"
        roles.outputs = [("bert", "pred_bert"), ("lr", "pred_lr")]
        return roles
    }

    public static func reviewsDataset() throws -> Dataset {
        try load("reviews.csv", reviews, roles: reviewRoles)
    }

    /// The bundled WMT17 demo copied into a fresh folder, so that its `.errata/` (saved slices,
    /// tags) is the test's own and never the repository's: the folder and the copy's path.
    public static func demoCopy(_ name: String = "wmt17-en-de",
                                files: [String] = ["errata.json", "references.jsonl", "systems.jsonl"]) throws -> (TemporaryDirectory, String) {
        let folder = try TemporaryDirectory()
        let source = bundledDatasets.appendingPathComponent(name)
        let copy = folder.url.appendingPathComponent(name)
        for file in files {
            let target = copy.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
        }
        return (folder, copy.path)
    }

    /// The repository's Datasets/ folder (for tests on the bundled data).
    public static var bundledDatasets: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Datasets")
    }
}
