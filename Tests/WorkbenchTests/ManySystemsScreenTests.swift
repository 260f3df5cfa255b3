import ErrataCore
import ErrataTestSupport
import Foundation
import TerminalUI
import Testing
@testable import Workbench

/// Golden screens of the many-systems views at 80×24 and 120×40, in colour and as NO_COLOR
/// terminals show them (styles degraded to no colour, as the backend does).
@Suite struct ManySystemsScreenTests {
    static let sizes = [(80, 24), (120, 40)]

    func screen(_ state: AppState, color: Bool) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        render(state, into: &buffer)
        return color ? buffer : monochrome(buffer)
    }

    func monochrome(_ buffer: ScreenBuffer) -> ScreenBuffer {
        var result = buffer
        let none = TerminalCapabilities(colors: 0, unicode: true, mouse: true)
        for y in 0 ..< buffer.height {
            for x in 0 ..< buffer.width { result[x, y].style = degrade(buffer[x, y].style, to: none) }
        }
        return result
    }

    func send(_ state: inout AppState, _ keys: [Key]) {
        for key in keys { step(&state, .event(.key(key))) }
    }

    func command(_ state: inout AppState, _ text: String) {
        send(&state, [.character(":")] + text.map { Key.character($0) } + [.enter])
    }

    func name(_ base: String, _ width: Int, _ height: Int, _ color: Bool) -> String {
        "\(base)\(color ? "" : "-no-color")-\(width)x\(height)"
    }

    @Test(arguments: sizes, [true, false]) func picker(size: (Int, Int), color: Bool) throws {
        var s = AppState.settled(analysis: try ManySystemsTests.wmt.get().1, width: size.0, height: size.1)
        send(&s, [.character("p"), .character("j"), .character("j"), .character(" "), .character("j")])
        assertSnapshot(screen(s, color: color), named: name("systems-picker", size.0, size.1, color))
    }

    @Test(arguments: sizes, [true, false]) func scrolledTable(size: (Int, Int), color: Bool) throws {
        let (folder, analysis) = try ManySystemsTests.freshWMT()
        defer { folder.remove() }
        var s = AppState.settled(analysis: analysis, width: size.0, height: size.1)
        command(&s, "systems online-B,uedin-nmt,KIT,xmu,online-A")
        send(&s, [.character("L"), .character("L"), .character("L"), .character("d")])
        assertSnapshot(screen(s, color: color), named: name("table-scrolled", size.0, size.1, color))
    }

    @Test(arguments: sizes, [true, false]) func ranking(size: (Int, Int), color: Bool) throws {
        var s = AppState.settled(analysis: try ManySystemsTests.wmt.get().1, width: size.0, height: size.1)
        command(&s, "slice tokens(reference) <= 5")
        send(&s, [.character("R")])
        assertSnapshot(screen(s, color: color), named: name("ranking", size.0, size.1, color))
    }

    static let start = StartScreen(
        bundled: [
            DatasetEntry(name: "mqm-ted-en-de", path: "/data/mqm-ted-en-de", task: "generation",
                         description: "Expert MQM error annotations of 13 systems and the human translation on TED talks (Freitag et al. 2021).",
                         bytes: 2_412_000),
            DatasetEntry(name: "rotten-tomatoes", path: "/data/rotten-tomatoes", task: "classification",
                         description: "Rotten Tomatoes critic snippets, labelled positive or negative; two classifiers with explanations.",
                         bytes: 1_180_000, instances: 1_066, systems: 2),
            DatasetEntry(name: "wmt17-en-de", path: "/data/wmt17-en-de", task: "generation",
                         description: "WMT17 news translation English->German: 3,004 references and 16 systems.",
                         bytes: 9_815_000, instances: 3_004, systems: 16),
        ],
        recent: [DatasetEntry(name: "ratings.tsv", path: "/home/ana/mqm/ratings.tsv")])

    @Test(arguments: sizes, [true, false]) func startScreen(size: (Int, Int), color: Bool) {
        var start = Self.start
        _ = start.handle(.down)
        var buffer = ScreenBuffer(width: size.0, height: size.1)
        start.render(into: &buffer)
        assertSnapshot(color ? buffer : monochrome(buffer), named: name("start", size.0, size.1, color))
    }

    @Test func startScreenKeys() {
        var start = Self.start
        #expect(start.handle(.enter) == .open("/data/mqm-ted-en-de"))
        #expect(start.handle(.character("G")) == nil && start.cursor == 3)
        #expect(start.handle(.down) == nil && start.cursor == 3)
        #expect(start.handle(.enter) == .open("/home/ana/mqm/ratings.tsv"))
        #expect(start.handle(.character("k")) == nil && start.cursor == 2)
        #expect(start.handle(.character("q")) == .quit)
        var empty = StartScreen(bundled: [], recent: [])
        #expect(empty.handle(.enter) == nil && empty.handle(.down) == nil && empty.cursor == 0)
    }
}
