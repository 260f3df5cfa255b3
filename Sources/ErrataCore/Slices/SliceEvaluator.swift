import BitCollections

/// Gives the slice language per-instance metric values (`chrf(bert) < 40`).
public protocol InstanceScores: Sendable {
    /// Names usable as functions of a system (`accuracy`, `chrf`, ...).
    var instanceMetricNames: [String] { get }
    /// Each instance's score of `system` under `metric` (NaN where it has no output).
    func instanceScores(metric: String, system: String) throws -> [Double]
}

/// Evaluates slice expressions over a dataset's columns, a whole column at a time.
///
/// Names resolve, in order, to metadata, input and label columns, the aliases `input` (first
/// input), `label`/`reference`/`gold`, `id`, and system names (their outputs). Functions:
/// `length`, `tokens`, `script`, `repetition`, `lower`, `abs`, `correct`, `exact`,
/// `confidence`, every metric of `scores` applied to a system, and the annotations of `tags`:
/// `tagged([category][, system])`, `tags([system])`, and the kept what-if edits
/// `counterfactual([system])` and `flipped([system])` (bare `counterfactual` and `flipped` too,
/// where no column has that name).
public struct SliceEvaluator: Sendable {
    public let dataset: Dataset
    public let scores: InstanceScores?
    /// The annotations `tagged()` and `tags()` read (none when nil).
    public let tags: InstanceTags?
    /// Where computed features of columns are kept between evaluations.
    let features: FeatureCache?
    /// Asked during long work (regular expressions); when it answers true, evaluation stops
    /// with `CancellationError` (the workbench's `Esc`).
    public var isCancelled: @Sendable () -> Bool = { false }

    public init(dataset: Dataset, scores: InstanceScores? = nil, tags: InstanceTags? = nil) {
        self.init(dataset: dataset, scores: scores, tags: tags, features: nil)
    }

    init(dataset: Dataset, scores: InstanceScores?, tags: InstanceTags?, features: FeatureCache?) {
        self.dataset = dataset
        self.scores = scores
        self.tags = tags
        self.features = features
    }

    public static let functionNames = ["length", "tokens", "script", "repetition", "lower", "abs", "correct", "exact", "confidence", "tagged", "tags", "counterfactual", "flipped"]

    /// The rows where `expression` holds.
    public func rows(where expression: SliceExpression, source: String) throws -> BitSet {
        try requireBoundedDepth(expression, source)
        return try condition(expression, source)
    }

    /// Expressions built in code (the workbench ANDs filters together) are bounded like parsed
    /// ones, before the recursion below can exhaust the stack.
    private func requireBoundedDepth(_ expression: SliceExpression, _ source: String) throws {
        guard expression.depth > SliceExpression.maximumDepth else { return }
        throw SliceError(expression: source, column: 1, length: source.count, SliceExpression.tooDeepMessage)
    }

    private func condition(_ expression: SliceExpression, _ source: String) throws -> BitSet {
        let value = try compute(expression, source)
        switch value {
        case .truth(let set): return set
        case .constantBoolean(let b): return b ? BitSet.all(dataset.count) : BitSet()
        default:
            throw SliceError(expression: source, column: expression.span?.column ?? 1, length: expression.span?.length ?? source.count,
                             "this is \(value.kindName), not a condition: compare it, e.g. \(expression) == ...")
        }
    }

    /// Parses and evaluates a condition.
    public func rows(where text: String) throws -> BitSet {
        try rows(where: SliceExpression.parse(text), source: text)
    }

    /// The value of `expression` for every instance.
    public func evaluate(_ expression: SliceExpression, _ source: String) throws -> SliceValue {
        try requireBoundedDepth(expression, source)
        return try compute(expression, source)
    }

    private func compute(_ expression: SliceExpression, _ source: String) throws -> SliceValue {
        let n = dataset.count
        func fail(_ span: SliceExpression.SourceSpan?, _ message: String) -> SliceError {
            SliceError(expression: source, column: span?.column ?? 1, length: span?.length ?? 1, message)
        }
        switch expression {
        case .string(let s): return .constantString(s)
        case .number(let x): return .constantNumber(x)
        case .boolean(let b): return .constantBoolean(b)
        case .name(let name, let span):
            return try resolve(name) ?? { throw fail(span, unknownName(name)) }()
        case .call(let function, let args, let span):
            return try call(function, args, span, source)
        case .and(let l, let r):
            return .truth(try condition(l, source).intersection(try condition(r, source)))
        case .or(let l, let r):
            return .truth(try condition(l, source).union(try condition(r, source)))
        case .not(let e):
            return .truth(try condition(e, source).complement(count: n))
        case .negative(let e, let span):
            let value = try compute(e, source)
            guard let numbers = value.numbers(count: n) else { throw fail(span, "cannot negate \(value.kindName)") }
            return .numbers(numbers.map { -$0 })
        case .arithmetic(let op, let l, let r, let span):
            let a = try compute(l, source), b = try compute(r, source)
            guard let x = a.numbers(count: n), let y = b.numbers(count: n) else {
                throw fail(span, "'\(op.rawValue)' needs numbers, not \(a.kindName) and \(b.kindName)")
            }
            let f: (Double, Double) -> Double = switch op {
            case .add: (+)
            case .subtract: (-)
            case .multiply: (*)
            case .divide: (/)
            }
            return .numbers(zip(x, y).map(f))
        case .compare(let op, let l, let r, let span):
            return .truth(try SliceComparison.compare(op, try compute(l, source), try compute(r, source), count: n) {
                fail(span, $0)
            })
        case .membership(let l, let items, let negated, let span):
            let value = try compute(l, source)
            var set = BitSet()
            for item in items {
                set.formUnion(try SliceComparison.compare(.equal, value, try compute(item, source), count: n) { fail(span, $0) })
            }
            return .truth(negated ? set.complement(count: n) : set)
        case .contains(let l, let r, let span):
            return .truth(try SliceComparison.contains(try compute(l, source), try compute(r, source), count: n) { fail(span, $0) })
        case .matches(let l, let pattern, let ignoreCase, let span):
            return .truth(try SliceComparison.matches(try compute(l, source), pattern: pattern, ignoreCase: ignoreCase, count: n,
                                                      isCancelled: isCancelled) {
                fail(span, $0)
            })
        }
    }

    /// Every name a slice expression may use, for help and suggestions.
    public var names: [String] {
        var names = dataset.metadata.map(\.name) + dataset.inputs.map(\.name)
        if let label = dataset.label { names.append(label.name) }
        names += ["id", "input", "label"] + dataset.systems.map(\.name)
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    func resolve(_ name: String) throws -> SliceValue? {
        if let column = dataset.column(named: name) { return SliceValue(column) }
        switch name {
        case "input": if let first = dataset.inputs.first { return SliceValue(first) }
        case "label", "reference", "gold": if let label = dataset.label { return SliceValue(label) }
        case "id": return .texts(dataset.ids)
        default: break
        }
        if let system = dataset.system(named: name) { return value(of: system) }
        // `counterfactual` and `flipped` read as conditions on their own, like `tagged()`.
        if name == "counterfactual" || name == "flipped" {
            let tags = tags ?? InstanceTags()
            return .truth(tags.editedRows(in: dataset, system: nil, flippedOnly: name == "flipped"))
        }
        return nil
    }

    private func value(of system: SystemOutputs) -> SliceValue {
        if let predicted = system.predictedClass {
            // Predictions are already codes into the classes: no string per row.
            return .categories(CategoricalColumn(codes: predicted, levels: dataset.classes))
        }
        return .texts(system.output)
    }

    /// The name of a per-system column (long layouts), if `name` is one.
    private func perSystemColumn(_ name: String) -> String? {
        dataset.systems.lazy.flatMap(\.columns).first { $0.name == name }?.name
    }

    private func unknownName(_ name: String) -> String {
        if perSystemColumn(name) != nil, let system = dataset.systems.first {
            return "'\(name)' is a per-system column: write \(name)(SYSTEM), such as \(name)(\(system.name)) "
                + "(systems: \(dataset.systems.map(\.name).joined(separator: ", ")))"
        }
        let known = names
        var suggestion = closest(name, among: known).map { "; did you mean '\($0)'?" } ?? ""
        if suggestion.isEmpty, name.contains("-") { suggestion = "; to subtract, put spaces around '-'" }
        return "unknown name '\(name)'\(suggestion) (names: \(known.joined(separator: ", ")))"
    }

    private func call(_ function: String, _ args: [SliceExpression], _ span: SliceExpression.SourceSpan, _ source: String) throws -> SliceValue {
        let n = dataset.count
        func fail(_ message: String) -> SliceError {
            SliceError(expression: source, column: span.column, length: span.length, message)
        }
        if ["tagged", "tags", "counterfactual", "flipped"].contains(function) { return try tagFunction(function, args, fail: fail) }
        guard args.count == 1 else { throw fail("\(function)() takes one argument, given \(args.count)") }
        let metricNames = scores?.instanceMetricNames ?? []
        let isPerSystemColumn = perSystemColumn(function) != nil
        if ["correct", "exact", "confidence"].contains(function) || metricNames.contains(function) || isPerSystemColumn {
            guard case .name(let systemName, _) = args[0], let system = dataset.system(named: systemName) else {
                throw fail("\(function)() takes a system name (systems: \(dataset.systems.map(\.name).joined(separator: ", ")))")
            }
            // A per-system list, category or text column (MQM `categories`) is the system's
            // column as it is; numeric ones are metrics, scored as such.
            if !metricNames.contains(function), let column = system.columns.first(where: { $0.name == function }) {
                return SliceValue(column)
            }
            return try systemFunction(function, system, fail: fail)
        }
        let value = try compute(args[0], source)
        switch function {
        case "length", "tokens", "repetition":
            // Each measure sees a text as a range of its column's bytes (so `length` may read
            // past a short text into the next ones, which is faster; see TextFeatures).
            let measure: @Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> Double = switch function {
            case "length": { Double(TextFeatures.characters(in: $0, $1)) }
            case "tokens": { Double(TextFeatures.tokens(UnsafeBufferPointer(rebasing: $0[$1]))) }
            default: { TextFeatures.repetition(UnsafeBufferPointer(rebasing: $0[$1])) }
            }
            // A feature of a column is computed once per dataset and kept (the first slice on
            // `length(text)` of a million rows pays for it, later ones only compare numbers).
            if case .name(let column, _) = args[0], let cache = features {
                return .numbers(try cache.values("\(function)(\(column))") { try perText(value, fail, measure) })
            }
            return .numbers(try perText(value, fail, measure))
        case "script":
            return .categories(try perCategory(value, fail, TextFeatures.script))
        case "lower":
            return .categories(try perCategory(value, fail) { String(decoding: $0, as: UTF8.self).lowercased() })
        case "abs":
            guard let numbers = value.numbers(count: n) else { throw fail("abs() needs a number, not \(value.kindName)") }
            return .numbers(numbers.map { Swift.abs($0) })
        default:
            let all = Self.functionNames + metricNames
            let suggestion = closest(function, among: all).map { "; did you mean '\($0)'?" } ?? ""
            throw fail("unknown function '\(function)'\(suggestion) (functions: \(all.joined(separator: ", ")))")
        }
    }

    /// `tagged()`, `tagged("Category")`, `tagged("Category", system)`, `tagged(system)`;
    /// `tags()`, `tags(system)`; `counterfactual()`, `counterfactual(system)`, `flipped()`,
    /// `flipped(system)`. A string argument is a category path, a name a system.
    private func tagFunction(_ function: String, _ args: [SliceExpression], fail: (String) -> SliceError) throws -> SliceValue {
        var category: String?, system: String?
        for arg in args {
            switch arg {
            case .string(let path) where function == "tagged" && category == nil: category = path
            case .name(let name, _) where system == nil:
                guard dataset.system(named: name) != nil else {
                    throw fail("\(function)() takes a system name, not '\(name)' (systems: \(dataset.systems.map(\.name).joined(separator: ", ")))")
                }
                system = name
            default:
                throw fail(function == "tagged"
                    ? "tagged() takes a category in quotes and a system, e.g. tagged(\"Accuracy/Omission\", \(dataset.systems.first?.name ?? "system"))"
                    : "\(function)() takes a system name, e.g. \(function)(\(dataset.systems.first?.name ?? "system"))")
            }
        }
        let tags = tags ?? InstanceTags()
        switch function {
        case "tags": return .lists(tags.categories(in: dataset, system: system))
        case "counterfactual", "flipped": return .truth(tags.editedRows(in: dataset, system: system, flippedOnly: function == "flipped"))
        default: return .truth(tags.rows(in: dataset, category: category, system: system))
        }
    }

    private func systemFunction(_ function: String, _ system: SystemOutputs, fail: (String) -> SliceError) throws -> SliceValue {
        let n = dataset.count
        switch function {
        case "correct", "exact":
            guard let label = dataset.label else { throw fail("\(function)() needs a label column") }
            if function == "correct", let predicted = system.predictedClass, case .categorical(let gold) = label.storage {
                return .truth(BitSet.rows(count: n) { predicted[$0] >= 0 && predicted[$0] == gold.codes[$0] })
            }
            let reference = label.storage
            return .truth(BitSet.rows(count: n) { row in
                guard system.hasOutput(row) else { return false }
                if case .text(let t) = reference {
                    return system.output.withUTF8(row) { a in t.withUTF8(row) { b in a.elementsEqual(b) } }
                }
                return system.output[row] == label.displayValue(row)
            })
        case "confidence":
            guard let confidence = system.confidence else { throw fail("system '\(system.name)' gives no scores") }
            return .numbers(confidence)
        default:
            guard let scores else { throw fail("no metrics available") }
            return .numbers(try scores.instanceScores(metric: function, system: system.name))
        }
    }

    private func perText(_ value: SliceValue, _ fail: (String) -> SliceError, _ f: @escaping @Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> Double) throws -> [Double] {
        switch value {
        case .texts(let t):
            var result = [Double](repeating: .nan, count: t.count)
            t.forEachRun { firstRow, bytes, offsets in
                result.withUnsafeMutableBufferPointer { output in
                    let shared = UncheckedSendable((bytes: bytes, offsets: offsets, output: output))
                    parallelChunks(offsets.count - 1) { rows in
                        let (bytes, offsets, output) = shared.value
                        for row in rows { output[firstRow + row] = f(bytes, Int(offsets[row]) ..< Int(offsets[row + 1])) }
                    }
                }
            }
            return result
        case .categories(let c):
            let perLevel = c.levels.map { level in
                level.utf8.withContiguousStorageIfAvailable { f($0, $0.indices) } ?? f(UnsafeBufferPointer(start: nil, count: 0), 0 ..< 0)
            }
            return c.codes.map { $0 < 0 ? .nan : perLevel[Int($0)] }
        default:
            throw fail("this function measures text, not \(value.kindName)")
        }
    }

    private func perCategory(_ value: SliceValue, _ fail: (String) -> SliceError, _ f: (UnsafeBufferPointer<UInt8>) -> String) throws -> CategoricalColumn {
        var result = CategoricalColumn()
        switch value {
        case .texts(let t):
            for row in 0 ..< t.count { result.append(t.withUTF8(row) { f($0) }) }
        case .categories(let c):
            var levelCodes: [Int32] = []
            for level in c.levels {
                var level = level
                levelCodes.append(result.code(for: level.withUTF8 { f($0) }))
            }
            for code in c.codes { result.appendCode(code < 0 ? -1 : levelCodes[Int(code)]) }
        default:
            throw fail("this function reads text, not \(value.kindName)")
        }
        return result
    }
}

extension SliceExpression {
    /// The source span of the node, where it has one.
    var span: SourceSpan? {
        switch self {
        case .name(_, let s), .call(_, _, let s), .compare(_, _, _, let s), .membership(_, _, _, let s),
             .contains(_, _, let s), .matches(_, _, _, let s), .arithmetic(_, _, _, let s), .negative(_, let s):
            s
        case .and(let l, _), .or(let l, _): l.span
        case .not(let e): e.span
        case .string, .number, .boolean: nil
        }
    }
}

extension SliceValue {
    /// The value as numbers (constants broadcast), if it is numeric.
    func numbers(count: Int) -> [Double]? {
        switch self {
        case .numbers(let v): v
        case .constantNumber(let x): Array(repeating: x, count: count)
        default: nil
        }
    }
}

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
public func closest(_ word: String, among candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0 ... b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
    let w = Array(word.lowercased())
    let best = candidates.map { ($0, distance(w, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= Swift.max(1, w.count / 3) else { return nil }
    return best.0
}
