import Foundation

/// Why a model could not be loaded or fetched; every case names the file or the fix.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    case unsupported(String, URL)
    case malformed(String, URL)
    case missingTensor(String, URL)
    case fetchFailed(String)
    /// The processor lacks an instruction set a precision needs (named as in /proc/cpuinfo).
    case processorLacks(feature: String, needed: String)

    public var description: String {
        switch self {
        case let .unsupported(what, url): return "\(url.path): unsupported \(what)"
        case let .malformed(what, url): return "\(url.path): \(what)"
        case let .missingTensor(name, url): return "\(url.path): no tensor named \(name)"
        case let .fetchFailed(message): return message
        case let .processorLacks(feature, needed): return "\(needed) needs a processor with \(feature), which this one lacks"
        }
    }
}
