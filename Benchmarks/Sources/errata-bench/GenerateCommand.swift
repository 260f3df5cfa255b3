import ArgumentParser
import ErrataCore
import Foundation

/// `errata-bench generate`: writes the synthetic datasets of one size.
///
/// Files: `classification-N.csv` and the same rows as `classification-N.jsonl`, and
/// `generation-N.tsv`. The same seed and size give the same bytes on every machine: the only
/// randomness is errata's own `SeededGenerator`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write deterministic synthetic datasets of a given size.")

    @Option(help: "Number of instances.") var rows: Int
    @Option(help: "Seed of the generator.") var seed: UInt64 = 2024
    @Option(help: "Folder to write into (created if missing).") var out: String

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let base = (out as NSString).appendingPathComponent
        let csv = try TableWriter(path: base("classification-\(rows).csv"), format: .csv, columns: ClassificationRows.columns)
        let jsonl = try TableWriter(path: base("classification-\(rows).jsonl"), format: .jsonLines, columns: ClassificationRows.columns)
        var generator = SeededGenerator(seed: seed, stream: 0)
        let classification = ClassificationRows()
        for i in 0 ..< rows {
            let fields = classification.row(i, &generator)
            csv.write(fields)
            jsonl.write(fields)
        }
        try csv.close()
        try jsonl.close()

        let tsv = try TableWriter(path: base("generation-\(rows).tsv"), format: .tsv, columns: GenerationRows.columns)
        generator = SeededGenerator(seed: seed, stream: 1)
        let generation = GenerationRows()
        for i in 0 ..< rows { tsv.write(generation.row(i, &generator)) }
        try tsv.close()
        print("wrote \(rows) rows to \(out): classification-\(rows).csv, classification-\(rows).jsonl, generation-\(rows).tsv")
    }
}
