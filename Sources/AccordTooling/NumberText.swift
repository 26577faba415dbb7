/// Numbers as the user types them on the command line (`--from 0.1`, `--values 2,2.5`)
/// and as a sweep prints them back.
enum NumberText {
    /// A finite decimal number: `12`, `-0.25`, `1e-3`. Not `nan`, `inf` or hexadecimal,
    /// which Swift's `Double(_:)` would accept but no one means as a field value.
    static func parse(_ text: String) -> Double? {
        let text = trimmed(text)
        let allowed = Set("0123456789+-.eE_")
        guard !text.isEmpty, text.allSatisfy(allowed.contains), let value = Double(text.filter { $0 != "_" }),
              value.isFinite else { return nil }
        return value
    }

    /// The decimals a number was written with: `0.25` → 2, `1e-3` → 3, `2.5e1` → 0.
    static func decimals(_ text: String) -> Int {
        let text = trimmed(text).lowercased()
        let parts = text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts.first ?? ""
        let fraction = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first ?? ""
        let exponent = parts.count > 1 ? Int(parts[1].filter { $0 != "+" }) ?? 0 : 0
        return max(0, fraction.count - exponent)
    }

    /// `value` rounded to `decimals` places, which removes the noise of binary floating
    /// point (`0.1 * 3`) from a value the user wrote in decimal. Left alone when rounding
    /// would lose precision instead (very many decimals, or very large values).
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard decimals <= 15 else { return value }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        guard abs(scaled) < 9e15 else { return value }
        let result = scaled.rounded() / scale
        // No `-0.0` in output: it would print as a different value from `0.0`.
        return result == 0 ? 0 : result
    }

    /// `10` for a whole number, `2.5` otherwise: for messages.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
