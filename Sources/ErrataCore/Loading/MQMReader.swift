import BitCollections

/// Builds a dataset from Google's MQM ratings as they are published (Freitag et al. 2021,
/// github.com/google/wmt-mqm-human-evaluation): a TSV without quoting, one row per error a
/// rater marked or one `No-error` row for an output without errors, columns `system doc
/// doc_id seg_id rater source target category severity` and, in some releases, `comment`.
///
/// Rows are grouped into instances by (`doc`, `seg_id`) in order of first appearance; an
/// instance's id is `doc:seg_id` (`talk.1:1`). Its input is the source with span marks
/// removed; each system's output is its target with the `<v>…</v>` mark removed. Every error
/// row becomes an `ExpertError` of the rating (instance, system, rater), with its span in
/// the output, and in the source when the source carries the mark (`Source error` rows), and
/// the rater's comment where there is one.
/// Each system gets a numeric column `mqm`: the weighted error count of its output
/// (`MQMWeights`), averaged over the raters who rated that output.
///
/// The same output appears on every row about it, once per error. All of them must give the
/// same text once the marks are removed (and all rows of a segment the same source): spans
/// are offsets into that text, so a row that disagrees is refused with its location (or
/// skipped, with `--skip-bad-lines`), rather than leave a span pointing into another text.
/// A span that is opened and never closed is kept to the end of its field, with a warning
/// (`SpanMarks`).
struct MQMReader {
    static let columns = ["system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity"]
    static let optionalColumns = ["comment"]

    /// Whether a header is an MQM file's: the nine columns in order, then `comment` or nothing.
    static func recognises(_ names: [String]) -> Bool {
        names.count >= columns.count && Array(names.prefix(columns.count)) == columns
            && names.dropFirst(columns.count).elementsEqual(optionalColumns.prefix(names.count - columns.count))
    }

    let roles: ColumnRoles
    let skipBadLines: Bool

    private var weights: MQMWeights { roles.mqmWeights ?? .standard }

    private struct Output {
        var text: String
        var line: Int
        var ratings: [Int] = []
    }

    private struct Segment {
        var doc: String, docID: String, segID: String
        var source: String
        var line: Int
        var outputs: [Int: Output] = [:]
        var raters: Set<String> = []
    }

    private struct RatingKey: Hashable {
        var segment: Int, system: Int, rater: String
    }

    func build(_ table: RawTable) throws -> Dataset {
        var column: [String: Int] = [:]
        for name in Self.columns {
            guard let c = table.columnIndex(name) else {
                throw LoadError(file: table.file, line: 1, "not an MQM file: no column '\(name)'; MQM ratings have the columns \(Self.columns.joined(separator: " ")) [comment]; the file has \(table.columnNames.joined(separator: ", "))")
            }
            column[name] = c
        }
        let weights = self.weights
        let commentColumn = table.columnIndex("comment")
        var skipped = table.skipped
        var segments: [Segment] = []
        var segmentOfKey: [String: Int] = [:]
        var systemNames: [String] = []
        var systemOfName: [String: Int] = [:]
        var ratings: [ExpertRating] = []
        var ratingOfKey: [RatingKey: Int] = [:]
        var warnings: [String] = []
        var unclosed = 0

        for row in 0 ..< table.rowCount {
            let line = Int(table.rowLines[row])
            func value(_ name: String) -> String { table.cells[column[name]!][row] }
            func located(_ name: String, offset: Int = 0, _ message: String) -> LoadError {
                let c = column[name]!
                let start = table.cellColumns[c].isEmpty ? nil : Int(table.cellColumns[c][row]) + offset
                return LoadError(file: table.file, line: line, column: start, message)
            }
            do {
                for name in ["system", "doc", "seg_id", "rater", "category", "severity"] where value(name).isEmpty {
                    throw located(name, "empty \(name)")
                }
                let severity = value("severity"), category = value("category")
                guard weights.knows(severity: severity) else {
                    let known = (weights.severities.sorted() + [MQMWeights.noError]).joined(separator: ", ")
                    throw located("severity", "unknown severity '\(severity)': expected one of \(known) (any case), or a severity the manifest's mqm_weights name")
                }
                func marked(_ name: String) throws -> SpanMarks {
                    do { return try SpanMarks(parsing: value(name)) } catch {
                        throw located(name, offset: error.offset, "malformed span mark in \(name): \(error.message)")
                    }
                }
                let source = try marked("source"), target = try marked("target")
                for (name, marks) in [("source", source), ("target", target)] {
                    guard let offset = marks.unclosedAt else { continue }
                    unclosed += 1
                    if unclosed <= 5 {
                        warnings.append("\(located(name, offset: offset, "a <v> in \(name) that no </v> closes: the span is read to the end of the \(name)"))")
                    }
                }
                let doc = value("doc"), segID = value("seg_id"), system = value("system"), rater = value("rater")
                let key = doc + "\u{0}" + segID
                let segment = segmentOfKey[key]
                if let segment, segments[segment].source != source.text {
                    throw located("source", "the source of segment \(doc):\(segID) differs from the one on line \(segments[segment].line) (span marks removed): spans would point into different texts")
                }
                let systemIndex = systemOfName[system]
                if let segment, let systemIndex, let output = segments[segment].outputs[systemIndex], output.text != target.text {
                    throw located("target", "the target of system '\(system)' for segment \(doc):\(segID) differs from the one on line \(output.line) (span marks removed): spans would point into different texts")
                }

                // The row is good: record it.
                let s = systemIndex ?? {
                    systemOfName[system] = systemNames.count
                    systemNames.append(system)
                    return systemNames.count - 1
                }()
                let g = segment ?? {
                    segmentOfKey[key] = segments.count
                    segments.append(Segment(doc: doc, docID: value("doc_id"), segID: segID, source: source.text, line: line))
                    return segments.count - 1
                }()
                if segments[g].outputs[s] == nil { segments[g].outputs[s] = Output(text: target.text, line: line) }
                segments[g].raters.insert(rater)
                let ratingKey = RatingKey(segment: g, system: s, rater: rater)
                let r = ratingOfKey[ratingKey] ?? {
                    ratingOfKey[ratingKey] = ratings.count
                    ratings.append(ExpertRating(instance: "", system: system, rater: rater, errors: []))
                    segments[g].outputs[s]!.ratings.append(ratings.count - 1)
                    return ratings.count - 1
                }()
                if severity.lowercased() != MQMWeights.noError {
                    let comment = commentColumn.map { table.cells[$0][row] }
                    ratings[r].errors.append(ExpertError(category: category, severity: severity, span: target.span,
                                                         sourceSpan: source.span, line: line,
                                                         comment: comment?.isEmpty == false ? comment : nil))
                }
            } catch let problem as LoadError {
                if !skipBadLines { throw problem }
                skipped.record(problem)
            }
        }
        if unclosed > 5 { warnings.append("\(unclosed - 5) more spans that no </v> closes in \(table.file)") }
        var dataset = try dataset(table, segments: segments, systems: systemNames, ratings: ratings, skipped: skipped)
        dataset.warnings = warnings + dataset.warnings
        return dataset
    }

    private func dataset(_ table: RawTable, segments: [Segment], systems systemNames: [String],
                         ratings unnamed: [ExpertRating], skipped: SkippedLines) throws -> Dataset {
        var ids = TextColumn()
        var index = IDIndex(capacity: segments.count)
        for (g, segment) in segments.enumerated() {
            ids.append("\(segment.doc):\(segment.segID)")
            if let first = index.insert(row: g, of: ids) {
                throw LoadError(file: table.file, line: segment.line,
                                "segment \(ids[g]) has the same id as the segment on line \(segments[first].line): a document name ends in ':' and a number")
            }
        }
        var ratings = unnamed
        for segment in segments.indices {
            for output in segments[segment].outputs.values {
                for r in output.ratings { ratings[r].instance = ids[segment] }
            }
        }
        let weights = self.weights
        let systems = systemNames.indices.map { s -> SystemOutputs in
            var output = TextColumn()
            var present = BitSet()
            var scores = [Double](repeating: .nan, count: segments.count)
            for (g, segment) in segments.enumerated() {
                guard let rated = segment.outputs[s] else {
                    output.append("")
                    continue
                }
                output.append(rated.text)
                present.insert(g)
                scores[g] = rated.ratings.reduce(0) { $0 + weights.score(ratings[$1]) } / Double(rated.ratings.count)
            }
            return SystemOutputs(name: systemNames[s], output: output, present: present.count == segments.count ? nil : present,
                                 columns: [Column(name: MQMReader.metric, storage: .numeric(scores))])
        }

        func inferred(_ name: String, _ values: [String]) -> Column {
            let cells = TextColumn(values)
            let type = roles.types[name] ?? TypeInference.infer(cells)
            var bad: [Int] = []
            return Column(name: name, storage: TypeInference.convert(cells, to: type, badRows: &bad))
        }
        let metadata = [
            inferred("doc", segments.map(\.doc)), inferred("doc_id", segments.map(\.docID)),
            inferred("seg_id", segments.map(\.segID)),
            Column(name: "raters", storage: .numeric(segments.map { Double($0.raters.count) })),
        ]
        let numeric = [MQMReader.metric] + metadata.filter { $0.type == .numeric }.map(\.name)
        var dataset = Dataset(
            name: roles.name ?? table.file, task: .generation, ids: ids,
            inputs: [Column(name: "source", storage: .text(TextColumn(segments.map(\.source))))],
            label: nil, systems: systems, metadata: metadata, defaultMetric: roles.metric ?? MQMReader.metric,
            source: table.file, skipped: skipped, warnings: MetricDirection.unknownDeclarations(numeric, roles: roles),
            idIndex: index, lowerIsBetter: MetricDirection.lowerIsBetter(numeric, roles: roles))
        dataset.expertRatings = ExpertRatings(ratings: ratings)
        return dataset
    }

    /// The per-system column of MQM scores.
    static let metric = "mqm"
}
