import AccordCheck

/// The values a sweep tries, in the type of the field they go into: `--from A --to B
/// --step S` (inclusive of `B`) for a number field, or `--values v1,v2,...` for any.
///
/// Point `i` of a float range is `from + i * step`, not a running sum, so no error
/// accumulates over many points; and it is rounded to the decimals written in `from`
/// and `step`, so `0 → 1 by 0.1` gives `0.3`, not `0.30000000000000004`.
public enum SweepValues {
    /// Enough for a fine sweep; more is almost surely a mistyped step.
    public static let maximumPoints = 100_000

    public static func range(from: String, to: String, step: String, field: FieldInfo) throws(InputError) -> [Value] {
        switch field.type {
        case .int:
            return try integerRange(from: from, to: to, step: step, field: field)
        case .float:
            return try floatRange(from: from, to: to, step: step)
        case .string, .bool, .list, .unknown:
            throw InputError("--from, --to and --step need a number field, and `\(field.name)` is a \(field.type)",
                             notes: ["list the values instead: --values v1,v2,..."])
        }
    }

    /// A comma-separated list. Strings may be quoted (`"a, b"` keeps its comma); numbers
    /// go into number fields, `true`/`false` into bool fields.
    public static func list(_ text: String, field: FieldInfo) throws(InputError) -> [Value] {
        let items = ValueListSplitter.split(text)
        guard !items.isEmpty else { throw InputError("--values lists no value") }
        guard items.count <= maximumPoints else {
            throw InputError("--values lists \(items.count) values; a sweep tries at most \(maximumPoints)")
        }
        var values: [Value] = []
        for item in items {
            values.append(try value(item, field: field))
        }
        return values
    }

    private static func value(_ item: ValueListSplitter.Item, field: FieldInfo) throws(InputError) -> Value {
        let text = item.text
        let mismatch = InputError("--values: `\(text)` is not \(field.type == .bool ? "true or false" : "a number"), "
            + "and `\(field.name)` is a \(field.type) field")
        switch field.type {
        case .string:
            return .string(text)
        case .bool:
            guard !item.wasQuoted, text == "true" || text == "false" else { throw mismatch }
            return .bool(text == "true")
        case .int:
            guard !item.wasQuoted else { throw mismatch }
            return .int(try integer(text, option: "--values", field: field))
        case .float:
            guard !item.wasQuoted, let number = NumberText.parse(text) else { throw mismatch }
            return .float(number)
        case .list, .unknown:
            throw InputError("cannot vary `\(field.name)`, a `\(field.type)` field")
        }
    }

    private static func integerRange(from: String, to: String, step: String, field: FieldInfo) throws(InputError) -> [Value] {
        let start = try integer(from, option: "--from", field: field)
        let end = try integer(to, option: "--to", field: field)
        let stride = try integer(step, option: "--step", field: field)
        try checkDirection(start: Double(start), end: Double(end), step: Double(stride), stepText: step)
        // The span can overflow 64 bits (from the minimum to the maximum); the count is
        // then far past the cap anyway.
        let (span, overflow) = end.subtractingReportingOverflow(start)
        let steps = overflow ? Int64.max : span / stride
        guard steps < Int64(maximumPoints) else { throw tooMany(steps == Int64.max ? nil : Int(steps) + 1) }
        return (0...Int(steps)).map { .int(start + Int64($0) * stride) }
    }

    private static func floatRange(from: String, to: String, step: String) throws(InputError) -> [Value] {
        let start = try number(from, option: "--from")
        let end = try number(to, option: "--to")
        let stride = try number(step, option: "--step")
        try checkDirection(start: start, end: end, step: stride, stepText: step)
        // A hair of tolerance so that `0 → 0.3 by 0.1` (2.9999999999999996 steps) ends at 0.3.
        let exactSteps = (end - start) / stride
        guard exactSteps.isFinite, exactSteps < 1e15 else { throw tooMany(nil) }
        let steps = Int((exactSteps + 1e-9).rounded(.down))
        guard steps < maximumPoints else { throw tooMany(steps + 1) }
        let decimals = max(NumberText.decimals(from), NumberText.decimals(step))
        return (0...steps).map { .float(NumberText.rounded(start + Double($0) * stride, decimals: decimals)) }
    }

    /// The step is nonzero and moves from `from` toward `to` (any nonzero step when they
    /// are equal: the sweep has one point).
    private static func checkDirection(start: Double, end: Double, step: Double, stepText: String) throws(InputError) {
        guard step != 0 else { throw InputError("--step must not be 0") }
        if (end > start && step < 0) || (end < start && step > 0) {
            let needed = end > start ? "a positive" : "a negative"
            throw InputError("--step \(stepText) moves away from --to",
                             notes: ["going from \(NumberText.plain(start)) to \(NumberText.plain(end)) needs \(needed) step"])
        }
    }

    private static func tooMany(_ count: Int?) -> InputError {
        let size = count.map { "\($0) points" } ?? "too many points"
        return InputError("the range has \(size); a sweep tries at most \(maximumPoints)",
                          notes: ["use a larger --step or a narrower range"])
    }

    /// A finite number as typed.
    private static func number(_ text: String, option: String) throws(InputError) -> Double {
        guard let value = NumberText.parse(text) else { throw InputError("\(option): `\(text)` is not a number") }
        return value
    }

    /// A whole number for an int field; `2.0` is accepted, `2.5` is not.
    private static func integer(_ text: String, option: String, field: FieldInfo) throws(InputError) -> Int64 {
        if let exact = Int64(NumberText.trimmed(text)) { return exact }
        guard let value = NumberText.parse(text), value == value.rounded(), abs(value) < 9.2e18 else {
            throw InputError("\(option): `\(text)` is not a whole number, and `\(field.name)` is an int field")
        }
        return Int64(value)
    }
}
