/// Why an explanation, prediction or attention map cannot be given: a system with no declared
/// explainer, a method the system's model does not support, an attention map of the wrong
/// shape. The message names the system, method or shape, and is shown as it is (on standard
/// error with exit code 1, or in the workbench's status line).
public struct ExplanationError: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
