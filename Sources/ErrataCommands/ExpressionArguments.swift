/// Lets an expression that begins with a minus sign follow its option with a space.
///
/// ArgumentParser reads `--where '-year < 3'` as the option `--where` followed by another
/// option, and fails with "Missing value for '--where'". Slice expressions may begin with
/// `-` (a negative number, a negated column), so the value after an expression option is
/// joined to it as `--where=-year < 3` when it begins with a single `-`; a value beginning
/// with `--` is still read as the next option.
enum ExpressionArguments {
    /// The options whose values are slice expressions.
    static let options: Set<String> = ["--where", "--by", "--column"]

    static func joined(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if options.contains(argument), i + 1 < arguments.count,
               arguments[i + 1].hasPrefix("-"), !arguments[i + 1].hasPrefix("--") {
                result.append("\(argument)=\(arguments[i + 1])")
                i += 2
            } else {
                if argument == "--" {
                    result += arguments[i...]
                    break
                }
                result.append(argument)
                i += 1
            }
        }
        return result
    }
}
