import Testing
@testable import Typology

@Suite struct SamplingTests {
    private let candidates = (1 ... 100).map { WorkQueue.Item(instance: "\($0)", system: "A") }

    @Test func sampleIsSeededAndDistinct() {
        let a = WorkQueue.sample(name: "q", from: candidates, count: 10, seed: 7, filter: "!correct")
        let b = WorkQueue.sample(name: "q", from: candidates, count: 10, seed: 7, filter: "!correct")
        let c = WorkQueue.sample(name: "q", from: candidates, count: 10, seed: 8)
        #expect(a == b)
        #expect(a.items != c.items)
        #expect(a.items.count == 10 && Set(a.items).count == 10)
        #expect(Set(a.items).isSubset(of: Set(candidates)))
        #expect(a.filter == "!correct" && a.strata == nil && a.seed == 7)
    }

    /// Pins the stream: the same seed must give the same queue in every release.
    @Test func sampleIsStableAcrossReleases() {
        let queue = WorkQueue.sample(name: "q", from: candidates, count: 5, seed: 42)
        #expect(queue.items.map(\.instance) == ["93", "9", "100", "69", "39"])
    }

    @Test func countBeyondTheCandidatesTakesThemAll() {
        let queue = WorkQueue.sample(name: "q", from: Array(candidates.prefix(5)), count: 50, seed: 1)
        #expect(Set(queue.items) == Set(candidates.prefix(5)))
        #expect(queue.items.count == 5)
        #expect(WorkQueue.sample(name: "q", from: candidates, count: 0, seed: 1).items.isEmpty)
    }

    /// Largest remainders: 4 units over sizes 5, 3, 2 of 10 are 2, 1.2, 0.8: floors 2, 1, 0
    /// and the one left goes to the largest remainder (0.8). Equal remainders go to the
    /// larger group (2 over 1, 3: floors 0, 1 and remainders 0.5, 0.5: the group of 3), then
    /// the first label.
    @Test func proportionalAllocation() {
        #expect(WorkQueue.allocate(10, sizes: [50, 30, 20]) == [5, 3, 2])
        #expect(WorkQueue.allocate(4, sizes: [5, 3, 2]) == [2, 1, 1])
        #expect(WorkQueue.allocate(2, sizes: [1, 1, 1]) == [1, 1, 0])
        #expect(WorkQueue.allocate(2, sizes: [1, 3, 0]) == [0, 2, 0])
        #expect(WorkQueue.allocate(1, sizes: [3, 3, 94]) == [0, 0, 1])
        #expect(WorkQueue.allocate(3, sizes: [0, 0]) == [0, 0])
    }

    @Test func stratifiedSampleFollowsTheAllocation() {
        // 60 "news", 30 "chat", 10 "law"; 20 units: 12, 6, 2.
        let labels = candidates.indices.map { $0 < 60 ? "news" : $0 < 90 ? "chat" : "law" }
        let strata = WorkQueue.Stratification(column: "domain", labels: labels)
        let queue = WorkQueue.sample(name: "q", from: candidates, count: 20, seed: 3, strata: strata)
        let label = Dictionary(uniqueKeysWithValues: zip(candidates, labels))
        let counts = Dictionary(grouping: queue.items, by: { label[$0]! }).mapValues(\.count)
        #expect(counts == ["news": 12, "chat": 6, "law": 2])
        #expect(queue.strata == "domain")
        #expect(queue == WorkQueue.sample(name: "q", from: candidates, count: 20, seed: 3, strata: strata))
    }
}
