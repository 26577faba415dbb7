import Foundation

/// How the reader tells a finished entry from one that goes on: braces, brackets and
/// parentheses must balance, strings and block comments must be closed. A string's
/// `{...}` interpolation nests like a brace; a `//` comment hides the rest of its line.
enum ReplInput {
    static func isComplete(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        // A command is one line; what follows the colon is arguments, not code.
        if trimmed.hasPrefix(":") { return true }
        var stack: [Character] = []   // "{", "[", "(", "\"" (a string), "i" (an interpolation)
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if stack.last == "\"" {
                switch character {
                case "\\": index += 1
                case "\"": stack.removeLast()
                case "{": stack.append("i")
                case "\n": stack.removeLast()   // a string ends on its line; the parser reports it
                default: break
                }
                index += 1
                continue
            }
            switch character {
            case "\"": stack.append("\"")
            case "{", "[", "(": stack.append(character)
            case "}":
                if stack.last == "{" || stack.last == "i" { stack.removeLast() } else if stack.isEmpty { return true }
            case "]":
                if stack.last == "[" { stack.removeLast() } else if stack.isEmpty { return true }
            case ")":
                if stack.last == "(" { stack.removeLast() } else if stack.isEmpty { return true }
            case "/" where next == "/":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case "/" where next == "*":
                index += 2
                var closed = false
                while index < characters.count {
                    if characters[index] == "*", index + 1 < characters.count, characters[index + 1] == "/" {
                        index += 2
                        closed = true
                        break
                    }
                    index += 1
                }
                if !closed { return false }
                continue
            default: break
            }
            index += 1
        }
        return stack.isEmpty
    }

    /// What kind of entry a text is, from its first word.
    enum Kind: Equatable {
        case empty
        case command(name: String, arguments: String)
        case definition
        case change
        case whatIf(body: String)
        case other(word: String)
    }

    static let definitionWords: Set<String> = ["import", "template", "facts", "rule", "scenario", "test"]
    static let changeWords: Set<String> = ["assert", "modify", "retract"]

    static func classify(_ text: String) -> Kind {
        let stripped = stripLeadingTrivia(text)
        guard !stripped.isEmpty else { return .empty }
        if stripped.hasPrefix(":") {
            let rest = stripped.dropFirst()
            let name = String(rest.prefix { !$0.isWhitespace })
            let arguments = rest.dropFirst(name.count).trimmingWhitespace()
            return .command(name: name, arguments: arguments)
        }
        let word = String(stripped.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        if definitionWords.contains(word) { return .definition }
        if changeWords.contains(word) { return .change }
        if word == "whatif" {
            let rest = stripped.dropFirst(word.count).trimmingWhitespace()
            return .whatIf(body: rest)
        }
        return .other(word: word)
    }

    /// Drops blank space and comments before the first word.
    static func stripLeadingTrivia(_ text: String) -> Substring {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("//") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                return rest
            }
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
