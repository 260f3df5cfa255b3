import Foundation
import TerminalUI
import Testing

/// Compares `buffer.snapshot()` with `__Snapshots__/<name>.txt` beside the calling test file.
///
/// A frame is reviewed once, as text, and then guarded by this file. Set
/// `ERRATA_RECORD_SNAPSHOTS=1` to write the files again after an intended change; a
/// recording run, and a run that finds no file, record the snapshot and still fail, so a
/// new snapshot is always looked at before it is trusted.
public func assertSnapshot(_ buffer: ScreenBuffer, named name: String, file: StaticString = #filePath,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent("\(name).txt")
    let actual = buffer.snapshot()
    let recording = ProcessInfo.processInfo.environment["ERRATA_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let data = FileManager.default.contents(atPath: url.path) else {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("Recorded snapshot \(url.path); review it and run again.", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
        Issue.record("""
            Snapshot \(name) differs (ERRATA_RECORD_SNAPSHOTS=1 re-records it).
            \(SnapshotDifference(expected: expected, actual: actual))
            """, sourceLocation: sourceLocation)
    }
}

/// The lines where two snapshots differ, numbered, with `|` marking the line ends so
/// trailing spaces are visible.
struct SnapshotDifference: CustomStringConvertible {
    var expected: String
    var actual: String

    var description: String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        return (0 ..< max(old.count, new.count)).compactMap { index -> String? in
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            guard a != b else { return nil }
            return "line \(index + 1):\n  expected |\(a ?? "(none)")|\n  actual   |\(b ?? "(none)")|"
        }.joined(separator: "\n")
    }
}
