import Attribution
import ErrataCore
import ErrataTestSupport
import Foundation
import Testing

/// Explanations as a user meets them, with the real MiniLM classifier in a real terminal:
/// open a copy of the sentiment demo, open an instance, explain it with Integrated Gradients,
/// switch to SHAP and watch its standard error fall, step through attention heads, edit the
/// input until the prediction flips and keep the edit, quit, reopen, and find the explanation
/// in the cache and the counterfactual on disk.
@Suite struct ExplainEndToEndTests {
    /// errata on `dataset`, with the encoder the tests share (fetched once per machine) and an
    /// explanation cache of the test's own, so the first run computes and the second finds.
    static func session(_ dataset: String, cache: URL) throws -> TmuxSession {
        let script = "echo errata-before; '\(ErrataProcess.executable.path)' open '\(dataset)'; echo \"errata-after exit=$?\""
        var environment = TmuxSession.defaultEnvironment
        environment["ERRATA_MODEL_PATH"] = try ModelStore.minilm().path
        environment["ERRATA_MODEL_CACHE"] = cache.path
        return try TmuxSession(command: script, width: 120, height: 40, environment: environment)
    }

    /// The largest standard error on screen, from "running, max SE 0.0123".
    static func maxSE(_ screen: String) -> Double? {
        guard let range = screen.range(of: "max SE ") else { return nil }
        return Double(screen[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }

    /// How long a step may take: the whole suite runs beside this test on two cores, which has
    /// made single steps ten times slower than alone (24 s for the whole test alone).
    static let computing = Duration.seconds(600), drawing = Duration.seconds(120)

    @Test func explainWatchShapSettleStepThroughHeadsFlipAPredictionAndReopen() throws {
        let started = ContinuousClock.now
        /// Printed as the test goes, so a failure under load shows how far it came and how fast.
        func step(_ name: String) { print("explain end-to-end: \(name), \(ContinuousClock.now - started) in") }
        let (folder, dataset) = try Fixtures.demoCopy("rotten-tomatoes",
                                                      files: ["errata.json", "test.jsonl", "predictions.jsonl", "models/minilm-head.json", "models/bow.json"])
        defer { folder.remove() }
        let cache = folder.url.appendingPathComponent("cache")
        let first = try Self.session(dataset, cache: cache)
        defer { first.kill() }
        try first.waitFor(text: "? help  : command  / search", timeout: Self.drawing)
        // The models load in the background (the first run fetches the encoder); an explanation
        // asked for meanwhile opens when they are ready.
        try first.sendKeys("Enter")
        try first.waitFor(text: "Instance rt-a10b34b00a", timeout: Self.drawing)
        try first.sendKeys("a")
        try first.waitFor(text: "minilm · ig · negative", timeout: Self.computing)
        step("models loaded, IG running")
        let done = try first.waitUntil("IG finished", timeout: Self.computing) { $0.contains("Δ ") && $0.contains("evaluations") && $0.contains("by |score|") }
        step("IG finished")
        #expect(done.contains("prediction negative (negative 0.892, positive 0.108)"))

        // SHAP: partial estimates redraw while it runs; the largest SE falls.
        try first.sendKeys("s")
        var errors: [Double] = []
        let settled = try first.waitUntil("SHAP finished", timeout: Self.computing) { screen in
            if let se = Self.maxSE(screen), errors.last != se { errors.append(se) }
            return screen.contains("minilm · permutation") && !screen.contains("running") && screen.contains("evaluations")
        }
        step("SHAP finished")
        #expect(settled.contains("SE"))
        #expect(!errors.isEmpty, "no partial SHAP estimate was drawn")
        if errors.count >= 2 { #expect(errors.last! < errors.first!, "SE did not fall: \(errors)") }

        // Attention: every head of the last layer, one forward pass.
        try first.sendKeys("A")
        try first.waitFor(text: "layer 6 of 6 · mean of 12 heads", timeout: Self.computing)
        step("attention drawn")
        try first.sendKeys(".")
        try first.waitFor(text: "layer 6 of 6 · head 1 of 12", timeout: Self.drawing)
        try first.sendKeys(".", "[")
        try first.waitFor(text: "layer 5 of 6 · head 2 of 12", timeout: Self.drawing)
        // Head importance of this input, from the real gate gradients: six layers of twelve heads.
        try first.sendKeys("i")
        try first.waitFor(text: "layer 6  ", timeout: Self.computing)
        step("head importance drawn")
        #expect(try first.capture().contains("mean |∂p/∂gate| over this input"))
        try first.sendKeys("Escape")
        try first.waitFor(text: "minilm · permutation", timeout: Self.drawing)

        // What-if: a rewrite that flips the prediction, kept as a counterfactual.
        try first.sendKeys("e")
        try first.waitFor(text: "What if · rt-a10b34b00a · minilm", timeout: Self.drawing)
        try first.sendKeys("C-u")
        try first.sendText("A wonderful, moving and beautiful film.")
        try first.waitFor(text: "prediction flips: negative → positive", timeout: Self.computing)
        step("prediction flipped")
        try first.sendKeys("Enter")
        try first.waitFor(text: "kept the edit (flipped negative → positive)", timeout: Self.drawing)
        try first.sendKeys("Escape", "q")
        try first.waitFor(text: "errata-after exit=0", timeout: Self.drawing)

        step("first session quit")
        let kept = try Counterfactuals.load(for: try DatasetLoader.load(dataset))
        #expect(kept.map(\.edited) == ["A wonderful, moving and beautiful film."])
        #expect(kept.first?.parent == "rt-a10b34b00a" && kept.first?.system == "minilm" && kept.first?.flipped == true)

        // Reopened, the explanation comes from the cache.
        let second = try Self.session(dataset, cache: cache)
        defer { second.kill() }
        try second.waitFor(text: "? help  : command  / search", timeout: Self.drawing)
        try second.sendKeys("Enter", "a")
        try second.waitFor(text: "cached", timeout: Self.computing)
        step("explanation found in the cache")
        try second.sendKeys("Escape", "q")
        try second.waitFor(text: "errata-after exit=0", timeout: Self.drawing)
    }
}
