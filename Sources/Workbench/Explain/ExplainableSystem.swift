/// What the workbench knows of a system the engine can explain, read once when it opens.
public struct ExplainableSystem: Sendable, Equatable {
    public var classes: [String]
    /// Whether its model has gradients and attention; without, only the model-agnostic
    /// methods (Shapley values, LOO) apply.
    public var gradients: Bool

    public init(classes: [String], gradients: Bool) {
        self.classes = classes
        self.gradients = gradients
    }

    /// Every system `explainer` can explain, as the state keeps them.
    public static func all(from explainer: (any Explaining)?) -> [String: ExplainableSystem] {
        guard let explainer else { return [:] }
        return Dictionary(uniqueKeysWithValues: explainer.explainableSystems().map {
            ($0, ExplainableSystem(classes: explainer.classes(system: $0), gradients: explainer.supportsGradients(system: $0)))
        })
    }
}
