/// Notices classification outputs that barely use the label's classes.
///
/// Outputs are matched to the label's classes by exact string, so a system that answers in
/// another vocabulary (gold 1-10 against positive/negative/neutral, `pos` against `positive`)
/// loads without complaint and scores accuracy 0. When fewer than `minimumShare` of a system's
/// predictions are classes of the label, the load says so and names both vocabularies.
enum VocabularyOverlap {
    /// Below this share of predictions among the label's classes, a system gets a warning.
    static let minimumShare = 0.5

    /// - Parameters:
    ///   - classes: the label's classes followed by those only systems predict.
    ///   - labelClassCount: how many of `classes` occur in the label.
    static func warnings(systems: [SystemOutputs], classes: [String], labelClassCount: Int, label: String) -> [String] {
        let gold = listed(Array(classes.prefix(labelClassCount)))
        return systems.compactMap { system in
            guard let predicted = system.predictedClass else { return nil }
            var total = 0, inLabel = 0
            // Codes index `classes`: a flag per class, not a hashed set of a million codes.
            var predictedClasses = [Bool](repeating: false, count: classes.count)
            for (row, code) in predicted.enumerated() where code >= 0 && system.hasOutput(row) {
                total += 1
                if Int(code) < labelClassCount { inLabel += 1 }
                predictedClasses[Int(code)] = true
            }
            guard total > 0, Double(inLabel) < minimumShare * Double(total) else { return nil }
            let predictions = listed(classes.indices.filter { predictedClasses[$0] }.map { classes[$0] })
            let share = inLabel == 0 ? "none" : "only \(Int((100 * Double(inLabel) / Double(total)).rounded()))%"
            return "\(share) of system '\(system.name)''s predictions are classes of the label '\(label)': the label has \(gold); "
                + "the system predicts \(predictions). Outputs are matched to classes by exact string: check --label and --output"
        }
    }

    /// At most eight values, then how many more.
    private static func listed(_ values: [String]) -> String {
        let shown = values.prefix(8).joined(separator: ", ")
        return values.count > 8 ? "\(shown), … (\(values.count) in all)" : shown
    }
}
