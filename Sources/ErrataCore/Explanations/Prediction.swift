/// A classifier's answer for one text: the predicted label and every class's probability, in
/// the order of the system's classes (`Explaining.classes(system:)`), so a what-if edit can be
/// compared with the original class by class.
public struct Prediction: Sendable, Equatable, Codable {
    public var label: String
    public var probabilities: [Double]

    public init(label: String, probabilities: [Double]) {
        self.label = label
        self.probabilities = probabilities
    }
}
