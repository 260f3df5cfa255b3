import BitCollections
import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// A seeded mutation fuzzer over the readers, the dataset builder and the slice language, on a
/// fixed budget: every mutated input either loads or fails with a located error, and nothing
/// crashes (a crash ends the test run). The seeds are in `Fixtures/fuzz-corpus`; the same
/// seed gives the same inputs on every machine. docs/fuzzing.md has the libFuzzer harness for
/// longer runs.
@Suite struct FuzzTests {
    static let corpus = Bundle.module.url(forResource: "Fixtures/fuzz-corpus", withExtension: nil)!
    /// Inputs per target, and the time after which a target stops early on a slow machine.
    static let inputs = 3_000
    static let budget: Duration = .seconds(20)

    /// Pieces that matter to the grammars, spliced in at random places.
    static let dictionary: [[UInt8]] = [
        ",", "\"", "\"\"", "\n", "\r\n", "\r", "\t", "{", "}", "[", "]", ":", "\\", "\\u00", "\\ud800", "null", "1e400", "-",
        "(", ")", "not ", " and ", " or ", "/", "==", "`", "'", " matches /(a+)+$/", "length(", "\u{FEFF}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0x00]]

    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator, others: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0 ... random.nextIndex(below: 4) {
            let at = bytes.isEmpty ? 0 : random.nextIndex(below: bytes.count + 1)
            switch random.nextIndex(below: 6) {
            case 0 where !bytes.isEmpty && at < bytes.count:
                bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1:
                bytes.insert(contentsOf: dictionary[random.nextIndex(below: dictionary.count)], at: at)
            case 2 where at < bytes.count:
                bytes.removeSubrange(at ..< min(bytes.count, at + 1 + random.nextIndex(below: 8)))
            case 3 where at < bytes.count:
                let piece = Array(bytes[at ..< min(bytes.count, at + 1 + random.nextIndex(below: 16))])
                bytes.insert(contentsOf: piece, at: random.nextIndex(below: bytes.count + 1))
            case 4:
                let other = others[random.nextIndex(below: others.count)]
                if !other.isEmpty {
                    let from = random.nextIndex(below: other.count)
                    bytes.insert(contentsOf: other[from ..< min(other.count, from + 32)], at: at)
                }
            default:
                bytes.insert(contentsOf: dictionary[random.nextIndex(below: dictionary.count)], at: at)
            }
        }
        return bytes
    }

    @Test(.timeLimit(.minutes(3)), arguments: ["csv", "tsv", "jsonl"])
    func readersLocateEveryErrorAndNeverCrash(ext: String) throws {
        let seeds = try FileManager.default.contentsOfDirectory(at: Self.corpus, includingPropertiesForKeys: nil)
            .sorted { $0.path < $1.path }.map { Array(try Data(contentsOf: $0)) }
        let own = Array(try Data(contentsOf: Self.corpus.appendingPathComponent("reviews.\(ext)")))
        var random = SeededGenerator(seed: 20_261_203, stream: UInt64(ext.utf8.count))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let started = ContinuousClock.now
        var tried = 0, located = 0
        while tried < Self.inputs, ContinuousClock.now - started < Self.budget {
            let input = Self.mutate(own, &random, others: seeds)
            let path = try folder.write("fuzz.\(ext)", bytes: input)
            tried += 1
            do {
                _ = try DatasetLoader.readTable(path)
            } catch let error as LoadError {
                // Only a file without a header line has no line to name.
                #expect(error.line != nil || error.message.hasPrefix("the file is empty"), "\(error) for \(input)")
                located += 1
            }
            // The builder on top (typing, roles guessed from names, the task): errors, no crash.
            do { _ = try DatasetLoader.load(path) } catch is LoadError {}
        }
        #expect(tried >= 500, "only \(tried) inputs in \(Self.budget)")
        #expect(located > 0 && located < tried, "\(located) of \(tried) failed")
    }

    /// MQM ratings, read by header and with the layout forced: span marks spliced anywhere,
    /// fields lost or doubled. Every error of the MQM reader is located, and every span lies
    /// inside its text.
    @Test(.timeLimit(.minutes(3))) func mqmRatingsLocateEveryErrorAndNeverCrash() throws {
        let own = Array(Fixtures.mqmRatings.utf8)
        let marks = ["<v>", "</v>", "\t", "\n", "No-error", "Major", "Minor/", "\u{301}", "中"].map { Array($0.utf8) }
        var random = SeededGenerator(seed: 20_261_203, stream: 10)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var forced = ColumnRoles()
        forced.layout = .mqm
        let started = ContinuousClock.now
        var tried = 0, located = 0
        while tried < Self.inputs, ContinuousClock.now - started < Self.budget {
            let input = Self.mutate(own, &random, others: marks)
            let path = try folder.write("ratings.tsv", bytes: input)
            tried += 1
            for roles in [ColumnRoles(), forced] {
                do {
                    let d = try DatasetLoader.load(path, overrides: roles)
                    for rating in d.expertRatings.ratings {
                        let row = try #require(d.row(id: rating.instance))
                        let length = try #require(d.system(named: rating.system)).output[row].unicodeScalars.count
                        #expect(rating.errors.allSatisfy { ($0.span?.end ?? 0) <= length }, "\(rating) in \(input)")
                    }
                } catch let error as LoadError where roles.layout == .mqm {
                    #expect(error.line != nil || error.message.hasPrefix("the file is empty"), "\(error) for \(input)")
                    located += 1
                } catch is LoadError {
                    // Read by header: a mutated header is no longer MQM, and the generic loader answers.
                }
            }
        }
        #expect(tried >= 500, "only \(tried) inputs in \(Self.budget)")
        #expect(located > 0 && located < tried, "\(located) of \(tried) failed")
    }

    @Test(.timeLimit(.minutes(3))) func sliceExpressionsLocateEveryErrorAndNeverCrash() throws {
        let seeds = try String(contentsOf: Self.corpus.appendingPathComponent("slices.txt"), encoding: .utf8)
            .split(separator: "\n").map { Array($0.utf8) }
        let evaluator = Analysis(dataset: try Fixtures.reviewsDataset()).evaluator
        var random = SeededGenerator(seed: 20_261_203)
        let started = ContinuousClock.now
        var tried = 0, failed = 0
        while tried < Self.inputs, ContinuousClock.now - started < Self.budget {
            let bytes = Self.mutate(seeds[random.nextIndex(below: seeds.count)], &random, others: seeds)
            let expression = String(decoding: bytes, as: UTF8.self)
            tried += 1
            do {
                _ = try evaluator.rows(where: expression)
            } catch let error as SliceError {
                #expect(error.column >= 1 && error.column <= expression.count + 1, "\(error)")
                failed += 1
            }
        }
        #expect(tried >= 500, "only \(tried) inputs in \(Self.budget)")
        #expect(failed > 0 && failed < tried, "\(failed) of \(tried) failed")
    }
}
