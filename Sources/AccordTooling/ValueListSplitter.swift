/// Splits `--values` text at commas. An item in double quotes keeps its commas and
/// spaces (`"Heihe, port"`), with `\"` and `\\` escaping a quote and a backslash; an
/// unquoted item is trimmed. Empty unquoted items (`1,,2`, a trailing comma) are dropped.
enum ValueListSplitter {
    struct Item: Equatable {
        let text: String
        let wasQuoted: Bool
    }

    static func split(_ text: String) -> [Item] {
        var items: [Item] = []
        var current = ""
        var quoted = false
        var inQuotes = false
        var escaped = false
        for character in text {
            if inQuotes {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                } else {
                    current.append(character)
                }
            } else if character == "\"", NumberText.trimmed(current).isEmpty, !quoted {
                current = ""
                quoted = true
                inQuotes = true
            } else if quoted, character.isWhitespace {
                continue
            } else if character == "," {
                append(current, quoted: quoted, to: &items)
                current = ""
                quoted = false
            } else {
                current.append(character)
            }
        }
        append(current, quoted: quoted, to: &items)
        return items
    }

    private static func append(_ text: String, quoted: Bool, to items: inout [Item]) {
        if quoted {
            items.append(Item(text: text, wasQuoted: true))
        } else {
            let trimmed = NumberText.trimmed(text)
            if !trimmed.isEmpty { items.append(Item(text: trimmed, wasQuoted: false)) }
        }
    }
}
