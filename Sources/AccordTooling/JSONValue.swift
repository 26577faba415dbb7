/// A JSON document whose objects keep their members in the order they were written,
/// so that reports print fields in the order the contract shows them (rank, rule,
/// subject, ...) rather than sorted or, worse, in a per-process hash order.
/// Rendering is hand-written: Foundation's serializer can only sort keys.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public let name: String
        public let value: JSONValue

        public init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// Pretty-printed with two-space indentation and a final newline. Arrays whose
    /// elements are all scalars stay on one line (`"tags": ["a", "b"]`), which keeps
    /// keys and lists of names readable without hiding any structure.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    /// On one line, without spaces: for embedding in other text.
    public func compact() -> String {
        switch self {
        case .null, .bool, .int, .double, .string:
            return scalarText
        case .array(let elements):
            return "[" + elements.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONValue.quoted($0.name) + ":" + $0.value.compact() }.joined(separator: ",") + "}"
        }
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null, .bool, .int, .double, .string:
            out += scalarText
        case .array(let elements):
            if elements.isEmpty {
                out += "[]"
            } else if elements.allSatisfy(\.isScalar) {
                out += "[" + elements.map(\.scalarText).joined(separator: ", ") + "]"
            } else {
                out += "[\n"
                for (index, element) in elements.enumerated() {
                    out += JSONValue.spaces(indent + 1)
                    element.write(to: &out, indent: indent + 1)
                    out += index == elements.count - 1 ? "\n" : ",\n"
                }
                out += JSONValue.spaces(indent) + "]"
            }
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += JSONValue.spaces(indent + 1) + JSONValue.quoted(member.name) + ": "
                member.value.write(to: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.spaces(indent) + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .null, .bool, .int, .double, .string: true
        case .array, .object: false
        }
    }

    /// The text of a scalar; containers never reach here.
    private var scalarText: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): JSONValue.number(number)
        case .string(let text): JSONValue.quoted(text)
        case .array, .object: compact()
        }
    }

    /// Swift's shortest round-tripping form (`0.8`, `1.0`, `1e-05`) is valid JSON and
    /// keeps a float looking like a float. JSON has no infinities or NaN: those are null.
    static func number(_ number: Double) -> String {
        number.isFinite ? number.description : "null"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (CJK names included) written as UTF-8.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func spaces(_ level: Int) -> String {
        String(repeating: "  ", count: level)
    }
}
