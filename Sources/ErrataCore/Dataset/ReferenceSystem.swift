extension Dataset {
    /// The dataset with `system`'s outputs as its reference (the label `reference`), so chrF,
    /// BLEU and TER compare every system with them, while `system` stays a system like the
    /// others (an MQM file's human translation `ref` is rated by the experts too).
    ///
    /// An instance the system has no output for has an empty reference, and the warning says
    /// how many there are: text metrics then score those instances against nothing.
    func usingReference(system name: String) throws -> Dataset {
        guard let system = system(named: name) else {
            let names = systems.map(\.name).joined(separator: ", ")
            throw LoadError(file: source, "no system '\(name)' to use as the reference (systems: \(names.isEmpty ? "none" : names))")
        }
        if let label {
            throw LoadError(file: source, "the reference is given twice: by the label column '\(label.name)' and by the system '\(name)'; keep one")
        }
        var dataset = self
        dataset.label = Column(name: "reference", storage: .text(system.output))
        dataset.referenceSystem = name
        if let present = system.present {
            let missing = count - present.count
            dataset.warnings.append("the reference system '\(name)' has no output for \(missing) of \(count) instances: their reference is empty")
        }
        return dataset
    }
}
