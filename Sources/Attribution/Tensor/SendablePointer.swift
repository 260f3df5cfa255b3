/// Lets the iterations of `concurrentPerform` write disjoint parts of one buffer.
struct SendablePointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
}

/// Read-only counterpart of `SendablePointer`.
struct SendableReadPointer<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
    init(_ base: UnsafePointer<Element>) { self.base = base }
}
