import ErrataCore

/// What the workbench asks of an explanation engine: predictions, attributions, attention and
/// faithfulness for the systems of the open dataset, as value types of the core.
///
/// The workbench never sees a model: the command line supplies the engine (as it supplies the
/// tag store), tests supply a canned one, and the views stay testable without the 90 MB
/// encoder. Every call may take from milliseconds to seconds, so the workbench makes them in
/// effects, off the UI thread; none is assumed fast.
public protocol Explaining: Sendable {
    /// The systems of the open dataset that this engine can explain: those the dataset
    /// declares a model for. Others are shown without explanations.
    func explainableSystems() -> [String]

    /// Loads the models of the explainable systems, fetching the encoder on first use (83 MB);
    /// `progress` receives the download's fraction done. Later calls return at once.
    func prepare(progress: @Sendable (Double) -> Void) throws

    /// A system's classes, in the order of `Prediction.probabilities` (empty for a system it
    /// cannot explain).
    func classes(system: String) -> [String]

    /// Whether the system's model has gradients and attention (the transformer), or is
    /// explained through the model-agnostic methods only (the bag of words).
    func supportsGradients(system: String) -> Bool

    /// Explains one prediction. `progress` receives partial explanations of the anytime
    /// methods (permutation SHAP and KernelSHAP: the current estimates with their standard
    /// errors, after every batch), so a view can draw scores that settle as it watches.
    /// `isCancelled` is polled between batches (Shapley sampling), step batches (Integrated
    /// Gradients) and doublings (adaptive IG); when it returns true the call throws
    /// `CancellationError` within one more batch. `fraction` receives the share of the
    /// evaluations done (the Shapley family: of the budget, or of exact values' 2^M
    /// coalitions), which the status line prints: an exact run on 17 words takes minutes.
    /// - Throws: `CancellationError`; `ExplanationError` naming the system and method when the
    ///   system has no explainer or its model does not support the method.
    func explain(_ request: ExplanationRequest, progress: @Sendable (Explanation) -> Void,
                 fraction: @Sendable (Double) -> Void, isCancelled: @Sendable () -> Bool) throws -> Explanation

    /// The explanation stored on disk for exactly this request and model, if any: a
    /// file read and a hash, so the workbench can show earlier work without computing (called
    /// in an effect all the same: a disk is not assumed fast).
    func cachedExplanation(_ request: ExplanationRequest) -> Explanation?

    /// Class probabilities of each text: what a what-if edit changes.
    func predict(system: String, texts: [String]) throws -> [Prediction]

    /// Every layer's and head's attention for one text, from one forward pass, so the view
    /// can page through layers and heads without asking again.
    func attention(system: String, text: String) throws -> AttentionGrids

    /// How much the prediction depends on each attention head, over `texts` ([layer][head]:
    /// Michel et al. 2019's mean |∂p/∂gate| for each text's predicted class). `progress`
    /// receives the fraction of texts done; `isCancelled` is polled between texts.
    func headImportance(system: String, texts: [String], progress: @Sendable (Double) -> Void,
                        isCancelled: @Sendable () -> Bool) throws -> [[Double]]

    /// Comprehensiveness and sufficiency of an explanation's scores, evaluated on the model
    /// with the masking of `request` (ERASER's measures: does the model need, and is it
    /// enough with, the tokens ranked highest?).
    func faithfulness(of explanation: Explanation, request: ExplanationRequest) throws -> FaithfulnessScores
}

extension Explaining {
    /// `explain` without the share done.
    public func explain(_ request: ExplanationRequest, progress: @Sendable (Explanation) -> Void,
                        isCancelled: @Sendable () -> Bool) throws -> Explanation {
        try explain(request, progress: progress, fraction: { _ in }, isCancelled: isCancelled)
    }
}
