import ErrataTestSupport
import Foundation
import Testing
import Workbench
@testable import ErrataCommands

/// The recent files of the start screen: newest first, no repeats, bounded, and only files
/// that still exist; a damaged state file costs the list, never the start.
@Suite struct RecentDatasetsTests {
    @Test func newestFirstWithoutRepeatsAndAtMostTen() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.url.appendingPathComponent("state/errata/recent").path
        let files = try (1 ... 12).map { try folder.write("data-\($0).csv", "id,text\n1,a\n") }
        for file in files { RecentDatasets.add(file, to: state) }
        RecentDatasets.add(files[3], to: state)
        let recent = RecentDatasets.load(from: state)
        #expect(recent.count == RecentDatasets.limit)
        #expect(recent.first == files[3] && recent[1] == files[11] && recent.last == files[2])
        #expect(Set(recent).count == recent.count)
    }

    @Test func filesThatAreGoneAndDamagedStateAreLeftOut() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let kept = try folder.write("kept.tsv", "id\ttext\n")
        let state = try folder.write("recent", "/nowhere/gone.csv\n\(String(repeating: "x", count: 5_000))\n\(kept)\n")
        #expect(RecentDatasets.load(from: state) == [kept])
        let huge = try folder.write("huge", String(repeating: "\(kept)\n", count: 20_000))
        #expect(RecentDatasets.load(from: huge).isEmpty)
        #expect(RecentDatasets.load(from: folder.url.appendingPathComponent("missing").path).isEmpty)
    }

    @Test func bundledDatasetsAreNotRepeatedAsRecent() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = try folder.write("mine.csv", "id,text\n")
        let state = folder.url.appendingPathComponent("recent").path
        RecentDatasets.add(data, to: state)
        #expect(RecentDatasets.entries(excluding: [], from: state) == [DatasetEntry(name: "mine.csv", path: data)])
        #expect(RecentDatasets.entries(excluding: [DatasetEntry(name: "mine", path: data)], from: state).isEmpty)
    }
}
