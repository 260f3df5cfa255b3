import ErrataTestSupport
import Foundation
import Testing

/// `errata` alone with several bundled datasets, in a real terminal (tmux): the start screen
/// lists them with their counts, Enter opens one under the loading screen, the picker
/// chooses systems (remembered beside the dataset), `:open` goes back, and the dataset opened
/// is offered again as a recent file.
@Suite struct StartScreenEndToEndTests {
    @Test func startScreenOpensTheDemoAndPicksSystems() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let datasets = folder.url.appendingPathComponent("Datasets")
        let source = Fixtures.bundledDatasets
        for (name, files) in [("wmt17-en-de", ["errata.json", "references.jsonl", "systems.jsonl"]),
                              ("rotten-tomatoes", ["errata.json", "test.jsonl", "predictions.jsonl"])] {
            let target = datasets.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in files {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name).appendingPathComponent(file),
                                                 to: target.appendingPathComponent(file))
            }
        }
        let state = folder.url.appendingPathComponent("state")
        var environment = TmuxSession.defaultEnvironment
        environment["ERRATA_DATASETS"] = datasets.path
        environment["XDG_STATE_HOME"] = state.path
        let script = """
            echo errata-before; s=$(stty -g); '\(ErrataProcess.executable.path)'; code=$?; \
            if [ "$s" = "$(stty -g)" ]; then tty=same; else tty=changed; fi; echo "errata-after exit=$code tty=$tty"
            """
        let tmux = try TmuxSession(command: script, width: 120, height: 30, environment: environment)
        defer { tmux.kill() }

        let start = try tmux.waitFor(text: "3,004 instances · 16 systems", timeout: .seconds(60))
        #expect(start.contains("errata · open a dataset") && start.contains("Bundled datasets"))
        #expect(start.contains("rotten-tomatoes") && start.contains("WMT17 news translation"))
        try tmux.waitFor(text: "classification · 2,425 instances · 2 systems", timeout: .seconds(60))

        try tmux.sendKeys("j", "Enter")
        let workbench = try tmux.waitFor(text: "? help  : command  / search", timeout: .seconds(60))
        #expect(workbench.contains("errata · wmt17-en-de · 3004 instances"))

        try tmux.sendKeys("p")
        try tmux.waitFor(text: "Systems · 2 of 16 shown")
        try tmux.sendKeys("j", "j", "Space")
        try tmux.waitFor(text: "Systems · 3 of 16 shown")
        try tmux.sendKeys("Enter")
        let choice = datasets.appendingPathComponent("wmt17-en-de/.errata/wmt17-en-de/systems.json")
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: choice.path), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let remembered = try JSONSerialization.jsonObject(with: Data(contentsOf: choice)) as? [String: Any]
        #expect(remembered?["systems"] as? [String] == ["LIUM-NMT", "C-3MA", "FBK"])
        // The table shows the third system's output beside the first two.
        let table = try tmux.waitFor(text: "systems: LIUM-NMT, C-3MA,")
        #expect(table.contains("Instances"))

        try tmux.sendKeys(":")
        try tmux.sendText("open")
        try tmux.sendKeys("Enter")
        let again = try tmux.waitFor(text: "Bundled datasets")
        #expect(again.contains("2 bundled, 0 recent"))
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "errata-after exit=0 tty=same")
        let recent = try String(contentsOf: state.appendingPathComponent("errata/recent"), encoding: .utf8)
        #expect(recent.hasSuffix("wmt17-en-de\n"))
    }
}

