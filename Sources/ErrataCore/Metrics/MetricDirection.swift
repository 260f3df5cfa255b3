/// Which way a numeric column used as a metric improves.
///
/// Built-in metrics declare their direction (`CorpusMetric.higherIsBetter`: TER is
/// lower-is-better). A column of the data has none of its own, so it is taken, in order, from
/// the user (`--lower-is-better`/`--higher-is-better`, manifest `lower_is_better`/
/// `higher_is_better`), then from its name: a column called `mqm` (any case) holds MQM error
/// points (Freitag et al. 2021: major 5, minor 1), where fewer is better. Every other column is
/// higher-is-better, like a score or a confidence.
enum MetricDirection {
    /// Column names that are lower-is-better unless declared otherwise.
    static let lowerIsBetterNames: Set<String> = ["mqm"]

    /// The lower-is-better columns among `numericColumns`, by the rule above.
    static func lowerIsBetter(_ numericColumns: [String], roles: ColumnRoles) -> Set<String> {
        Set(numericColumns.filter { name in
            roles.lowerIsBetter.contains(name)
                || (lowerIsBetterNames.contains(name.lowercased()) && !roles.higherIsBetter.contains(name))
        })
    }

    /// A caution for each declared column that is not a numeric column of the data.
    static func unknownDeclarations(_ numericColumns: [String], roles: ColumnRoles) -> [String] {
        let known = Set(numericColumns)
        return (roles.lowerIsBetter.union(roles.higherIsBetter)).subtracting(known).sorted().map {
            "'\($0)' is declared lower- or higher-is-better but is not a numeric column; the declaration has no effect"
        }
    }
}
