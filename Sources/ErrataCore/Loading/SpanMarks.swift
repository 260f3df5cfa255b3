/// A text with its `<v>…</v>` span mark taken out, as MQM files mark the words an error is
/// about, and where the mark was, in Unicode scalars of the text without it.
///
/// One row of an MQM file describes one error, so a field holds at most one span. A second
/// span, a mark inside a mark or a `</v>` with no `<v>` is refused with the scalar offset of
/// the offending mark in the field, for a `file:line:column` error. A `<v>` never closed is
/// read as running to the end of the field, and `unclosedAt` says where it opened so the
/// reader can warn: the published TED ratings have one such row, whose closing mark was lost
/// after the span's last character, and refusing it would drop a real annotation.
/// One pass over the scalars: the work is linear in the field, whatever it holds.
struct SpanMarks {
    var text: String
    var span: TextSpan?
    /// Scalars from the start of the field to a `<v>` that nothing closes.
    var unclosedAt: Int?

    struct Malformed: Error, Equatable {
        /// Scalars from the start of the field to the offending mark.
        var offset: Int
        var message: String
    }

    private static let open = Array("<v>".unicodeScalars), close = Array("</v>".unicodeScalars)

    init(parsing field: String) throws(Malformed) {
        let scalars = Array(field.unicodeScalars)
        var plain = String.UnicodeScalarView()
        plain.reserveCapacity(scalars.count)
        var kept = 0, i = 0
        var openedAt: (field: Int, text: Int)?
        var span: TextSpan?
        func mark(_ m: [Unicode.Scalar]) -> Bool {
            i + m.count <= scalars.count && scalars[i] == "<" && scalars[i ..< i + m.count].elementsEqual(m)
        }
        while i < scalars.count {
            if mark(Self.open) {
                if openedAt != nil {
                    throw Malformed(offset: i, message: "a <v> inside another span: span marks do not nest")
                }
                if span != nil {
                    throw Malformed(offset: i, message: "a second <v> span: an MQM row marks one error, so one span")
                }
                openedAt = (i, kept)
                i += Self.open.count
            } else if mark(Self.close) {
                guard let start = openedAt else {
                    throw Malformed(offset: i, message: "a </v> with no <v> before it")
                }
                span = TextSpan(start: start.text, end: kept)
                openedAt = nil
                i += Self.close.count
            } else {
                plain.append(scalars[i])
                kept += 1
                i += 1
            }
        }
        if let openedAt {
            span = TextSpan(start: openedAt.text, end: kept)
            unclosedAt = openedAt.field
        }
        text = String(plain)
        self.span = span
    }
}
