import Foundation

/// Collects the values a `@Sendable` callback receives (progress reports, events), for
/// tests to read afterwards.
public final class Collector<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Element] = []

    public init() {}

    public var items: [Element] { lock.withLock { stored } }
    public var count: Int { lock.withLock { stored.count } }

    public func append(_ item: Element) {
        lock.withLock { stored.append(item) }
    }
}
