import ArgumentParser
import Foundation

/// The crashes `errata terminal --crash-after-draw` causes for the terminal-restoration tests
/// (a test-only, hidden option): each dies of a different signal, the first by a real stack
/// overflow, which only a handler on an alternate stack survives long enough to restore.
enum DeliberateCrash: String, ExpressibleByArgument {
    case segv, ill, bus, abrt

    func happen() -> Never {
        switch self {
        case .segv: _ = Self.recurse(1)
        case .ill: preconditionFailure("deliberate crash (errata terminal --crash-after-draw ill)")
        case .bus: raise(SIGBUS)
        case .abrt: abort()
        }
        fatalError("the deliberate crash did not happen")
    }

    /// Recursion with a frame on the stack the optimiser cannot remove, until the stack runs out.
    @inline(never)
    private static func recurse(_ depth: Int) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { frame in
            frame.initialize(repeating: depth)
            return depth == Int.max ? frame[0] : recurse(depth + 1) &+ frame[depth % 128]
        }
    }
}
