import Testing
@testable import ErrataCore

/// The byte-level cache behind label encoding finds exactly the remembered byte strings, with
/// keys that are prefixes of one another and the empty key among them, and stops answering
/// once more distinct values arrive than it keeps.
@Suite struct ByteLevelCacheTests {
    static func value(_ cache: ByteLevelCache<Int>, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { cache.value(for: $0) }
    }

    static func remember(_ cache: inout ByteLevelCache<Int>, _ text: String, _ value: Int) {
        Array(text.utf8).withUnsafeBufferPointer { cache.remember($0, value) }
    }

    @Test func findsExactlyTheRememberedBytes() {
        var cache = ByteLevelCache<Int>(capacity: 8)
        for (k, key) in ["abc", "ab", "", "a", "é", "ba"].enumerated() { Self.remember(&cache, key, k) }
        #expect(["abc", "ab", "", "a", "é", "ba"].map { Self.value(cache, $0) } == [0, 1, 2, 3, 4, 5])
        #expect(["abcd", "b", "e", "AB", "ab "].map { Self.value(cache, $0) } == [nil, nil, nil, nil, nil])
    }

    @Test func aColumnWithMoreValuesThanTheCapacityIsNotCached() {
        var cache = ByteLevelCache<Int>(capacity: 2)
        Self.remember(&cache, "x", 1)
        Self.remember(&cache, "y", 2)
        #expect(Self.value(cache, "y") == 2)
        Self.remember(&cache, "z", 3)
        #expect(Self.value(cache, "x") == nil && Self.value(cache, "z") == nil)
    }
}
