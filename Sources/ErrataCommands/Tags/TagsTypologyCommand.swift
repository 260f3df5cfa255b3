import ArgumentParser
import ErrataCore
import Foundation
import Typology

/// `errata tags typology`: shows the dataset's typology, and changes it: presets, a file,
/// or single edits. Renames, moves and merges keep every tag that used a category.
struct TagsTypologyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typology",
        abstract: "Show or change the typology: add a preset or a file, create, rename, move or merge categories.",
        discussion: "Changes are applied in the order given, then the typology is printed (--format json prints the typology file, which --import reads).")

    @OptionGroup var store: TagStoreOptions

    @Option(help: ArgumentHelp("Add a preset's categories: \(Typology.presetNames.joined(separator: ", ")).", valueName: "name"))
    var preset: String?

    @Option(name: .customLong("import"), help: ArgumentHelp("Add the categories of a typology file (JSON).", valueName: "file"))
    var importFile: String?

    @Option(help: ArgumentHelp("Create a category (and its missing parents).", valueName: "path"))
    var create: [String] = []

    @Option(help: ArgumentHelp("Rename a category: PATH=NEW_NAME.", valueName: "path=name"))
    var rename: [String] = []

    @Option(help: ArgumentHelp("Move a category under another: PATH=PARENT (PATH= for the top level).", valueName: "path=parent"))
    var move: [String] = []

    @Option(help: ArgumentHelp("Merge a category into another: SOURCE=TARGET (its tags move to TARGET).", valueName: "source=target"))
    var merge: [String] = []

    @Option(help: "table or json.")
    var format: ReportFormat = .table

    func validate() throws {
        if let preset, Typology.preset(named: preset) == nil {
            throw ValidationError("--preset \(preset): unknown preset; use one of \(Typology.presetNames.joined(separator: ", "))")
        }
        if format == .csv { throw ValidationError("--format csv: a typology is a tree; use table or json") }
    }

    func run() async throws {
        let (_, tags) = try store.open()
        if let preset, let typology = Typology.preset(named: preset) { try tags.importTypology(typology) }
        if let importFile {
            guard let data = FileManager.default.contents(atPath: importFile) else { throw AnalysisError("\(importFile): cannot read the file") }
            try tags.importTypology(try Typology.decode(data, file: importFile))
        }
        for text in create { try tags.createCategory(try Self.path(text, flag: "--create")) }
        for text in rename {
            let (path, name) = try Self.pair(text, flag: "--rename")
            try tags.renameCategory(try Self.path(path, flag: "--rename"), to: name)
        }
        for text in move {
            let (path, parent) = try Self.pair(text, flag: "--move", allowEmptyRight: true)
            try tags.moveCategory(try Self.path(path, flag: "--move"), under: parent.isEmpty ? nil : try Self.path(parent, flag: "--move"))
        }
        for text in merge {
            let (source, target) = try Self.pair(text, flag: "--merge")
            try tags.mergeCategory(try Self.path(source, flag: "--merge"), into: try Self.path(target, flag: "--merge"))
        }
        let typology = try tags.typology()
        switch format {
        case .json, .csv: ReportWriter.write(String(decoding: typology.jsonData(), as: UTF8.self))
        case .table: ReportWriter.write(Self.table(typology))
        }
    }

    /// The tree, indented, with each category's key and description.
    static func table(_ typology: Typology) -> String {
        let rows = typology.entries.map { entry in
            [String(repeating: "  ", count: entry.path.components.count - 1) + entry.path.name, entry.category.key ?? "", entry.category.description]
        }
        var text = (typology.name.isEmpty ? "(a typology without a name)" : typology.name) + (typology.severities.isEmpty ? "" : " · severities: \(typology.severities.joined(separator: ", "))") + "\n"
        text += rows.isEmpty ? "(no categories yet: add a preset with --preset, e.g. --preset mqm)\n"
            : ReportWriter.table(header: ["category", "key", "description"], rows: rows, maxWidth: 72)
        return text
    }

    static func path(_ text: String, flag: String) throws -> CategoryPath {
        guard let path = CategoryPath(text) else { throw ValidationError("\(flag) '\(text)': not a category path (\(CategoryPath.syntax))") }
        return path
    }

    static func pair(_ text: String, flag: String, allowEmptyRight: Bool = false) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "=") else { throw ValidationError("\(flag) \(text): expected LEFT=RIGHT") }
        let left = String(text[..<equals]), right = String(text[text.index(after: equals)...])
        guard !left.isEmpty, allowEmptyRight || !right.isEmpty else { throw ValidationError("\(flag) \(text): expected LEFT=RIGHT") }
        return (left, right)
    }
}
