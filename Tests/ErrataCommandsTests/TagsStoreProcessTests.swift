import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
import Typology
import struct Typology.Tag

/// The tag store under real processes: a tagging process killed with SIGKILL at random
/// moments loses no tag it acknowledged, and two processes tagging at once lose nothing.
@Suite(.serialized) struct TagsStoreProcessTests {
    let folder: TemporaryDirectory
    let reviews: String
    let roles = ReviewsOnDisk.roles

    init() throws {
        (folder, reviews) = try ReviewsOnDisk.write()
    }

    var storePath: String { folder.url.appendingPathComponent(".errata/reviews.csv/tags.sqlite").path }

    /// The `n`-th tag a writer sends: distinct notes, so each acknowledged id can be checked
    /// for its exact contents.
    static func tag(_ n: Int, annotator: String) -> Tag {
        Tag(instance: String(n % 10 + 1), system: n % 3 == 0 ? nil : (n % 2 == 0 ? "bert" : "lr"),
            categories: [CategoryPath(components: ["Accuracy", n % 2 == 0 ? "Omission" : "Addition"])],
            severity: nil, note: "\(annotator) #\(n)", annotator: annotator,
            time: Tag.time(Date(timeIntervalSince1970: 1_795_000_000 + Double(n))))
    }

    /// A tagging process fed `count` tags on standard input; returns the ids it acknowledged
    /// (its `saved ID` lines) when it ends, or is killed once it has acknowledged
    /// `killAfterAcknowledged` tags: mid-stream on any disk, however fast, since it is fed more.
    func tagInProcess(annotator: String, count: Int, killAfterAcknowledged: Int?) throws -> (acknowledged: [Int64: Tag], status: Int32) {
        // Writing to a killed process must fail with EPIPE, not end the test run.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = ErrataProcess.executable
        process.arguments = ["tags", "add", reviews] + roles + ["--stdin"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let sent = (0 ..< count).map { Self.tag($0, annotator: annotator) }
        let writer = Thread {
            let encoder = JSONEncoder()
            for tag in sent {
                guard let line = try? encoder.encode(tag) else { continue }
                // A write fails with EPIPE once the process is killed: stop there.
                guard (try? input.fileHandleForWriting.write(contentsOf: line + Data("\n".utf8))) != nil else { return }
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        var received = Data()
        if let killAfterAcknowledged {
            while received.count(where: { $0 == UInt8(ascii: "\n") }) < killAfterAcknowledged {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received += chunk
            }
            kill(process.processIdentifier, SIGKILL)
        }
        received += output.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: received, as: UTF8.self)
        process.waitUntilExit()
        var acknowledged: [Int64: Tag] = [:]
        // Only whole lines count: a line cut by the kill was never fully acknowledged.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (index, line) in lines.enumerated() where line.hasPrefix("saved ") {
            acknowledged[Int64(line.dropFirst(6))!] = sent[index]
        }
        return (acknowledged, process.terminationStatus)
    }

    @Test func killedTaggingLosesNoAcknowledgedTag() throws {
        var generator = SeededGenerator(seed: 20261126)
        var total = 0
        for round in 0 ..< 6 {
            let after = Int.random(in: 1 ... 400, using: &generator)
            let (acknowledged, status) = try tagInProcess(annotator: "round\(round)", count: 20_000, killAfterAcknowledged: after)
            #expect(status == SIGKILL, "round \(round): the process was to be killed mid-stream (status \(status))")
            let stored = try TagStore(path: storePath).tags()
            let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.tag) })
            for (id, tag) in acknowledged {
                #expect(byID[id] == tag, "round \(round): acknowledged tag \(id) is missing or changed")
            }
            // Nothing beyond what was sent, and at most one commit whose acknowledgement the kill cut off.
            let mine = stored.filter { $0.tag.annotator == "round\(round)" }
            #expect(mine.count >= acknowledged.count && mine.count <= acknowledged.count + 1)
            total += acknowledged.count
            #expect(acknowledged.count >= after)
            print("round \(round): killed after \(after) acknowledgements, \(acknowledged.count) acknowledged, \(mine.count) stored")
        }
        #expect(total > 0, "no tag was acknowledged before the kills: the test did not test anything")
    }

    @Test func twoProcessesTaggingAtOnceLoseNothing() throws {
        let results = UncheckedResults()
        let group = DispatchGroup()
        for annotator in ["ana", "ben"] {
            group.enter()
            DispatchQueue.global().async {
                results.set(annotator, Result { try self.tagInProcess(annotator: annotator, count: 300, killAfterAcknowledged: nil) })
                group.leave()
            }
        }
        group.wait()
        for annotator in ["ana", "ben"] {
            let (acknowledged, status) = try results.get(annotator).get()
            #expect(status == 0)
            #expect(acknowledged.count == 300)
        }
        let stored = try TagStore(path: storePath).tags()
        #expect(stored.count == 600)
        for annotator in ["ana", "ben"] {
            let notes = Set(stored.filter { $0.tag.annotator == annotator }.map(\.tag.note))
            #expect(notes == Set((0 ..< 300).map { "\(annotator) #\($0)" }))
        }
    }
}

/// Results of the two concurrent writers, collected from two threads.
private final class UncheckedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Result<(acknowledged: [Int64: Tag], status: Int32), Error>] = [:]
    func set(_ key: String, _ value: Result<(acknowledged: [Int64: Tag], status: Int32), Error>) { lock.withLock { values[key] = value } }
    func get(_ key: String) -> Result<(acknowledged: [Int64: Tag], status: Int32), Error> { lock.withLock { values[key]! } }
}
