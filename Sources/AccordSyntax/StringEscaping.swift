/// How text is written as an Accord string literal: the one escaper the formatter,
/// the syntax dump and value rendering share, so all three read back the same.
public enum StringEscaping {
    /// `text` between double quotes, with `"`, `\`, `{` and control characters escaped.
    public static func literal(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// The inside of a literal: what goes between the quotes.
    public static func escaped(_ text: String) -> String {
        let plain = text.utf8.allSatisfy {
            $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "{")
        }
        if plain { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "{": out += "\\{"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
