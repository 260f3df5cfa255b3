/// What kind of values a column holds; decides how it is stored, sliced, grouped and binned.
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// A small set of labels (genre, system, movie): grouped one slice per value.
    case categorical
    /// Numbers: compared, averaged, binned into histograms.
    case numeric
    /// true/false (also yes/no).
    case boolean
    /// ISO-8601 dates or date-times, held as seconds since 1970.
    case date
    /// Free text: searched with `contains` and `matches`, measured with `length`.
    case text
    /// Several labels per instance (tags): `"x" in tags` tests membership.
    case list
}
