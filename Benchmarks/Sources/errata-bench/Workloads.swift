/// The slices measured on each kind of dataset, by a name that compare.py uses for the same
/// workload written as a pandas boolean mask.
///
/// They cover the evaluator's main paths: a category against a literal, a numeric
/// comparison combined with membership, a text measure, system correctness, and a substring
/// search.
enum Workloads {
    static let classificationSlices: [(name: String, expression: String)] = [
        ("genre_eq", #"genre == "g3""#),
        ("year_and_genre_in", #"year > 2010 and genre in ["g1", "g2"]"#),
        ("text_length", "length(text) > 80"),
        ("correct_not_correct", "correct(a) and not correct(b)"),
        ("text_contains", #"text contains "river""#),
    ]

    static let generationSlices: [(name: String, expression: String)] = [
        ("domain_eq", #"domain == "legal""#),
        ("reference_length", "length(reference) > 80"),
        ("reference_contains", #"reference contains "river""#),
    ]

    /// The system whose grouped metric and corpus scores are measured.
    static let system = "a"
    static let groupColumn = "genre"
}
