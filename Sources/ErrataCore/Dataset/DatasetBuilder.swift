import Foundation
import BitCollections

/// Turns raw tables and column roles into a typed, columnar `Dataset`.
///
/// Checks every role against the file (a missing column, a duplicate id, a value of the wrong
/// declared type is a located error), joins long-layout system outputs to instances, infers
/// metadata types and the task, and encodes classification outputs onto the label's classes.
struct DatasetBuilder {
    var roles: ColumnRoles
    var skipBadLines: Bool

    func build(data: RawTable, outputs outputsTable: RawTable?) throws -> Dataset {
        try requireColumns(in: data, instanceLevel: outputsTable != nil)
        var checked = data
        try checkDeclaredTypes(&checked)
        let table = checked

        // Instances: one per row (wide, or long with a separate outputs file), or one per id.
        // Wide, only the finished dataset needs the id index: it is built below beside the
        // label and the metadata columns, as hashing a million ids takes as long as encoding
        // the predictions.
        let grouping: InstanceGrouping?
        if roles.layout == .long && outputsTable == nil {
            grouping = try InstanceGrouping(groupingRowsOf: table, idColumn: try column(roles.id, in: table, role: "--id"))
        } else if outputsTable != nil {
            grouping = try InstanceGrouping(oneRowPerInstance: table, idColumn: roles.id.flatMap(table.columnIndex))
        } else {
            grouping = nil
        }
        /// Column `c` at the instance level: its value on each instance's first row.
        func instanceCells(_ c: Int) -> TextColumn { grouping?.instanceCells(c, in: table) ?? table.cells[c] }

        let roleNames = Set([roles.id, roles.label, roles.systemColumn, roles.outputColumn, roles.scoreColumn].compactMap { $0 }
            + roles.inputs + roles.outputs.map(\.column) + roles.scores.map(\.column))
        var inputs: [Column] = []
        for name in roles.inputs {
            let c = table.columnIndex(name)!
            try grouping?.requireConstant(c, in: table, what: "input")
            inputs.append(Column(name: name, storage: .text(instanceCells(c))))
        }

        // Long single-file layouts: columns that differ between systems of one instance are
        // per-system columns; the rest are instance metadata.
        var metadataNames: [String] = []
        var perSystemNames: [String] = []
        for name in table.columnNames where !roleNames.contains(name) {
            if let grouping, grouping.isGrouped, !grouping.isConstant(table.columnIndex(name)!, in: table) {
                perSystemNames.append(name)
            } else {
                metadataNames.append(name)
            }
        }

        var labelCells: TextColumn?
        if let label = roles.label {
            let c = table.columnIndex(label)!
            try grouping?.requireConstant(c, in: table, what: "label")
            labelCells = instanceCells(c)
        }

        // The rest in independent jobs, one per core at a time: the id index (wide), the
        // systems with their classes, and each metadata column. A failing job's error is
        // thrown in the order the jobs are listed, the order of a serial build.
        var jobs: [() throws -> BuiltPart] = []
        if grouping == nil {
            jobs.append { .instances(try InstanceGrouping(oneRowPerInstance: table, idColumn: roles.id.flatMap(table.columnIndex))) }
        }
        jobs.append {
            try classified(table, labelCells: labelCells, grouping: grouping, outputsTable: outputsTable,
                           perSystemNames: perSystemNames, metadataNames: metadataNames)
        }
        for name in metadataNames {
            jobs.append {
                let cells = instanceCells(table.columnIndex(name)!)
                let type = roles.types[name] ?? TypeInference.infer(cells)
                var bad: [Int] = []
                let column = Column(name: name, storage: TypeInference.convert(cells, to: type, badRows: &bad))
                return .metadata(column, warning: roles.types[name] == nil && type == .text ? nearlyNumeric(cells, name: name) : nil)
            }
        }
        var instances = grouping, metadata: [Column] = [], warnings: [String] = []
        var task = Task.classification, label: Column?, systems: [SystemOutputs] = []
        for result in runConcurrently(jobs) {
            switch try result.get() {
            case .instances(let built): instances = built
            case .classes(let t, let l, let s, let w):
                (task, label, systems) = (t, l, s)
                warnings += w
            case .metadata(let column, let warning):
                metadata.append(column)
                if let warning { warnings.append(warning) }
            }
        }
        let numericColumns = (metadata + systems.flatMap(\.columns)).filter { $0.type == .numeric }.map(\.name)
        warnings += MetricDirection.unknownDeclarations(numericColumns, roles: roles)

        return Dataset(
            name: roles.name ?? table.file, task: task, ids: instances!.ids, inputs: inputs, label: label,
            systems: systems, metadata: metadata,
            defaultMetric: roles.metric ?? (task == .classification ? "accuracy" : "chrf"),
            source: table.file, skipped: mergedSkips(table, outputsTable), warnings: warnings,
            idIndex: instances!.index, lowerIsBetter: MetricDirection.lowerIsBetter(numericColumns, roles: roles))
    }

    /// What one job of `build` produced.
    private enum BuiltPart {
        case instances(InstanceGrouping)
        case classes(task: Task, label: Column?, systems: [SystemOutputs], warnings: [String])
        case metadata(Column, warning: String?)
    }

    /// The task, the systems' outputs and, for classification, the label's classes with each
    /// system's predictions encoded onto them; with the warnings about grouping and about
    /// outputs outside the label's vocabulary.
    private func classified(_ table: RawTable, labelCells: TextColumn?, grouping: InstanceGrouping?, outputsTable: RawTable?,
                            perSystemNames: [String], metadataNames: [String]) throws -> BuiltPart {
        var warnings: [String] = []
        let task = roles.task ?? inferTask(label: labelCells, table: table)
        var systems: [SystemOutputs]
        if let outputsTable {
            systems = try longOutputs(outputsTable, instances: grouping!, perSystemColumns: nil)
        } else if let grouping, roles.layout == .long {
            systems = try longOutputs(table, instances: grouping, perSystemColumns: perSystemNames)
            if let advice = GroupingAdvice.warning(table: table, idName: roles.id ?? "id",
                                                   systemColumn: table.columnIndex(roles.systemColumn ?? "system")!,
                                                   systemCount: systems.count, instanceCount: grouping.count,
                                                   candidates: metadataNames) {
                warnings.append(advice)
            }
        } else {
            systems = try wideOutputs(table)
        }

        var label: Column?
        if let labelCells, let name = roles.label {
            if task == .classification {
                var classes = CategoricalColumn()
                var known = ByteLevelCache<Int32>()
                labelCells.forEachValue { classes.append(utf8: $1, known: &known, missing: TypeInference.isAbsent) }
                let labelClassCount = classes.levels.count
                for s in systems.indices {
                    encode(&systems[s], onto: &classes)
                }
                warnings += VocabularyOverlap.warnings(systems: systems, classes: classes.levels, labelClassCount: labelClassCount, label: name)
                label = Column(name: name, storage: .categorical(classes))
            } else {
                label = Column(name: name, storage: .text(labelCells))
            }
        } else if task == .classification {
            var classes = CategoricalColumn()
            for s in systems.indices { encode(&systems[s], onto: &classes) }
        }
        return .classes(task: task, label: label, systems: systems, warnings: warnings)
    }

    // MARK: - Roles

    private func column(_ name: String?, in table: RawTable, role: String) throws -> Int {
        guard let name else {
            throw LoadError(file: table.file, "the long layout needs an id column (\(role)) to group rows into instances")
        }
        return table.columnIndex(name)!
    }

    /// Every column a role names must exist; the message lists the columns there are.
    private func requireColumns(in table: RawTable, instanceLevel: Bool) throws {
        var wanted: [(String, String)] = []
        if let id = roles.id { wanted.append((id, "the id")) }
        wanted += roles.inputs.map { ($0, "an input") }
        if let label = roles.label { wanted.append((label, "the label")) }
        wanted += roles.outputs.map { ($0.column, "the output of system '\($0.system)'") }
        wanted += roles.scores.map { ($0.column, "the scores of system '\($0.system)'") }
        if roles.layout == .long && !instanceLevel {
            guard let system = roles.systemColumn, let output = roles.outputColumn else {
                throw LoadError(file: table.file, "the long layout needs a system column and an output column (--system-column, --output-column)")
            }
            wanted += [(system, "the system name"), (output, "the output")]
            if let score = roles.scoreColumn { wanted.append((score, "the scores")) }
        }
        for name in roles.types.keys { wanted.append((name, "a declared type")) }
        for (name, role) in wanted where table.columnIndex(name) == nil {
            throw LoadError(file: table.file, "no column '\(name)' (named as \(role)); the columns are: \(table.columnNames.joined(separator: ", "))")
        }
    }

    /// Declared types are promises: a value that breaks one is an error (or, with
    /// `--skip-bad-lines`, its line is left out).
    private func checkDeclaredTypes(_ table: inout RawTable) throws {
        var badRows = Set<Int>()
        for (name, type) in roles.types.sorted(by: { $0.key < $1.key }) where type != .text && type != .categorical {
            let c = table.columnIndex(name)!
            var bad: [Int] = []
            _ = TypeInference.convert(table.cells[c], to: type, badRows: &bad)
            for row in bad {
                let error = table.error(row: row, column: c, "column '\(name)' is declared \(type.rawValue) but holds '\(table.cells[c][row])', not \(TypeInference.expectation(type))")
                if !skipBadLines { throw error }
                if badRows.insert(row).inserted { table.skipped.record(error) }
            }
        }
        if !badRows.isEmpty { table = table.removingRows(badRows) }
    }

    private func inferTask(label: TextColumn?, table: RawTable) -> Task {
        let sample: TextColumn?
        if let label {
            sample = label
        } else if let first = roles.outputs.first, let c = table.columnIndex(first.column) {
            sample = table.cells[c]
        } else {
            sample = nil
        }
        guard let sample else { return .classification }
        // Gold labels of a classification task repeat; references of a generation task rarely do.
        var distinct = Set<String>(), present = 0
        var inDistinct = ByteLevelCache<Void>()
        let repeating = sample.allValues { _, b in
            guard !b.isEmpty else { return true }
            present += 1
            if inDistinct.value(for: b) == nil {
                distinct.insert(String(decoding: b, as: UTF8.self))
                inDistinct.remember(b, ())
            }
            // More distinct values than half the rows: the labels cannot repeat enough.
            return distinct.count * 2 <= sample.count
        }
        if !repeating { return .generation }
        return TypeInference.infer(sample) != .text && distinct.count * 2 <= present ? .classification : .generation
    }

    // MARK: - System outputs

    private func wideOutputs(_ table: RawTable) throws -> [SystemOutputs] {
        var systems: [SystemOutputs] = []
        for (system, columnName) in roles.outputs {
            let cells = table.cells[table.columnIndex(columnName)!]
            var outputs = SystemOutputs(name: system, output: cells)
            if let score = roles.scores.first(where: { $0.system == system }) {
                let c = table.columnIndex(score.column)!
                outputs.confidence = try confidences(table, column: c, rows: Array(0 ..< table.rowCount))
            }
            systems.append(outputs)
        }
        if let unknown = roles.scores.first(where: { s in !roles.outputs.contains { $0.system == s.system } }) {
            throw LoadError(file: table.file, "scores are given for system '\(unknown.system)', which has no output column")
        }
        return systems
    }

    /// Outputs from a long table (one row per instance and system), joined to instances by id.
    private func longOutputs(_ table: RawTable, instances: InstanceGrouping, perSystemColumns: [String]?) throws -> [SystemOutputs] {
        let systemName = roles.systemColumn ?? "system", outputName = roles.outputColumn ?? "output"
        let idName = roles.id ?? "id"
        for (name, what) in [(idName, "id"), (systemName, "system name"), (outputName, "output")] where table.columnIndex(name) == nil {
            throw LoadError(file: table.file, "no column '\(name)' (the \(what) of the outputs file); the columns are: \(table.columnNames.joined(separator: ", "))")
        }
        let idColumn = table.columnIndex(idName)!, systemColumn = table.columnIndex(systemName)!
        let outputColumn = table.columnIndex(outputName)!
        let scoreColumn = roles.scoreColumn.flatMap(table.columnIndex)
        let extraNames = perSystemColumns ?? table.columnNames.filter {
            ![idName, systemName, outputName, roles.scoreColumn].contains($0)
        }

        var order: [String] = []
        var rowsOf: [String: [Int]] = [:]
        for row in 0 ..< table.rowCount {
            let name = table.cells[systemColumn][row]
            if name.isEmpty { throw table.error(row: row, column: systemColumn, "empty system name") }
            if rowsOf[name] == nil { order.append(name) }
            rowsOf[name, default: []].append(row)
        }

        var systems: [SystemOutputs] = []
        for name in order {
            var instanceOfRow: [(instance: Int, row: Int)] = []
            var firstRow = [Int](repeating: -1, count: instances.count)
            for row in rowsOf[name]! {
                let id = table.cells[idColumn][row]
                guard let instance = table.cells[idColumn].withUTF8(row, { instances.instance(id: $0) }) else {
                    throw table.error(row: row, column: idColumn, "id '\(id)' of system '\(name)' is not an instance of the data file")
                }
                if firstRow[instance] >= 0 {
                    throw table.error(row: row, column: idColumn, "system '\(name)' has a second output for id '\(id)' (the first is on line \(table.rowLines[firstRow[instance]]))")
                }
                firstRow[instance] = row
                instanceOfRow.append((instance, row))
            }
            var output = TextColumn()
            var present = BitSet()
            for instance in 0 ..< instances.count {
                if firstRow[instance] >= 0 {
                    table.cells[outputColumn].withUTF8(firstRow[instance]) { output.append(utf8: $0) }
                    present.insert(instance)
                } else {
                    output.append("")
                }
            }
            var system = SystemOutputs(
                name: name, output: output, present: present.count == instances.count ? nil : present)
            if let scoreColumn {
                let byRow = try confidences(table, column: scoreColumn, rows: instanceOfRow.map(\.row))
                var confidence = [Double](repeating: .nan, count: instances.count)
                for (k, pair) in instanceOfRow.enumerated() { confidence[pair.instance] = byRow[k] }
                system.confidence = confidence
            }
            for extra in extraNames {
                let c = table.columnIndex(extra)!
                var cells = TextColumn()
                for instance in 0 ..< instances.count {
                    if firstRow[instance] >= 0 {
                        table.cells[c].withUTF8(firstRow[instance]) { cells.append(utf8: $0) }
                    } else {
                        cells.append("")
                    }
                }
                let type = roles.types[extra] ?? TypeInference.infer(cells)
                var bad: [Int] = []
                system.columns.append(Column(name: extra, storage: TypeInference.convert(cells, to: type, badRows: &bad)))
            }
            systems.append(system)
        }
        return systems
    }

    /// A score cell is a number (the confidence) or a JSON object or array of class
    /// probabilities (the confidence is the largest).
    private func confidences(_ table: RawTable, column c: Int, rows: [Int]) throws -> [Double] {
        try rows.map { row in
            try table.cells[c].withUTF8(row) { b -> Double in
                if TypeInference.isMissing(b) { return .nan }
                if let v = TypeInference.parseNumber(b) { return v }
                if let probabilities = ProbabilityCell.parse(b), let top = probabilities.max() { return top }
                throw table.error(row: row, column: c, "score '\(String(decoding: b, as: UTF8.self))' is not a number nor a JSON object or array of probabilities")
            }
        }
    }

    /// Sets the system's predicted classes; a row with a missing prediction (an empty cell or
    /// JSON null) has no output, so it is left out of the system's counts and metrics.
    private func encode(_ system: inout SystemOutputs, onto classes: inout CategoricalColumn) {
        var known = ByteLevelCache<Int32>()
        let output = system.output, present = system.present
        var codes: [Int32] = []
        codes.reserveCapacity(output.count)
        output.forEachValue { row, b in
            codes.append(present?.contains(row) ?? true ? classes.code(utf8: b, known: &known, missing: TypeInference.isAbsent) : -1)
        }
        system.predictedClass = codes
        if codes.contains(-1) { system.present = BitSet(codes.indices.filter { codes[$0] >= 0 }) }
    }

    /// A text column whose values are nearly all numbers is usually a typo in the data.
    private func nearlyNumeric(_ cells: TextColumn, name: String) -> String? {
        var numbers = 0, others = 0, example = ""
        cells.forEachValue { _, b in
            if TypeInference.isMissing(b) { return }
            if TypeInference.parseNumber(b) != nil { numbers += 1 } else {
                others += 1
                if example.isEmpty { example = String(decoding: b, as: UTF8.self) }
            }
        }
        guard numbers >= 20, others * 20 <= numbers else { return nil }
        return "column '\(name)' is read as text because \(others) of \(numbers + others) values are not numbers (for example '\(example)'); declare its type to check each value"
    }

    private func mergedSkips(_ a: RawTable, _ b: RawTable?) -> SkippedLines {
        var merged = a.skipped
        for e in b?.skipped.examples ?? [] { merged.record(e) }
        let extra = (b?.skipped.count ?? 0) - (b?.skipped.examples.count ?? 0)
        merged.add(uncounted: max(0, extra))
        return merged
    }
}
