import Foundation

/// Reads one CSV cell as a field's value. Cells are text, so each type has a spelling:
/// numbers as Swift reads them, `true`/`false`, lists as `;`-separated items. An empty
/// cell means "not given": the field's default, an empty string or list, or an error
/// for a required field of another type.
enum CSVCell {
    enum Outcome: Equatable {
        case value(Value)
        case invalid(String)
    }

    static func read(_ text: String, as field: FieldInfo) -> Outcome {
        let trimmed = text.trimmingBlanks
        if trimmed.isEmpty {
            if let value = field.defaultValue { return .value(value) }
            switch field.type {
            case .string: return .value(.string(text))
            case .list: return .value(.list([]))
            case .unknown: return .value(.string(text))
            case .int, .float, .bool:
                return .invalid("empty cell for required field `\(field.name)` of type `\(field.type)`")
            }
        }
        switch field.type {
        case .string, .unknown:
            return .value(.string(text))
        case .int, .float, .bool:
            guard let value = scalar(trimmed, as: field.type) else {
                return .invalid("cannot read `\(trimmed)` as `\(field.type)` for field `\(field.name)`")
            }
            return .value(value)
        case .list(let element):
            return list(trimmed, of: element, field: field)
        }
    }

    private static func list(_ text: String, of element: ValueType, field: FieldInfo) -> Outcome {
        var values: [Value] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let item = part.trimmingBlanks
            if item.isEmpty { continue }
            guard let value = scalar(item, as: element) else {
                if element.isList {
                    return .invalid("a CSV cell cannot hold the nested list of field `\(field.name)`")
                }
                return .invalid("cannot read `\(item)` as `\(element)` in list field `\(field.name)`")
            }
            values.append(value)
        }
        return .value(.list(values))
    }

    private static func scalar(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .string, .unknown:
            return .string(text)
        case .int:
            return Int64(text).map(Value.int)
        case .float:
            guard let number = Double(text), number.isFinite, !text.lowercased().hasPrefix("0x") else { return nil }
            return .float(number)
        case .bool:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .list:
            return nil
        }
    }
}
