import AccordCheck
import AccordSyntax

/// `Region["Jilin"].trade_busd`: one field of one keyed fact, as `accord sweep --vary`
/// and the REPL's `:sweep` name it. The text is read with the Accord lexer, so keys are
/// written exactly as in a rule file (`"Jilin"`, `17`, `-2.5`, `true`, several separated
/// by commas), but only constants: nothing here can refer to a binding or a fact.
public struct FieldReference: Sendable, Hashable, CustomStringConvertible {
    public let template: String
    /// The key values as written; `SweepTarget` widens them to the key fields' types.
    public let key: [Value]
    public let field: String

    public init(template: String, key: [Value], field: String) {
        self.template = template
        self.key = key
        self.field = field
    }

    /// The fact's address in the notation of the language: `Region["Jilin"]`.
    public var fact: String {
        template + "[" + key.map(\.description).joined(separator: ", ") + "]"
    }

    /// `Region["Jilin"].trade_busd`, canonically spaced.
    public var description: String { fact + "." + field }

    /// Reads a reference; a mistake is an `InputError` that points at the offending token.
    public static func parse(_ text: String) throws(InputError) -> FieldReference {
        var reader = Reader(text: text)
        return try reader.reference()
    }

    static let shape = "write it as Template[\"key\"].field, for example Region[\"Jilin\"].trade_busd"
}

extension FieldReference {
    /// A cursor over the lexed reference. Token offsets are bytes; excerpts count
    /// characters, so a CJK key moves the caret by one column per character.
    private struct Reader {
        let text: String
        let file: SourceFile
        let tokens: [Token]
        let lexerErrors: [Diagnostic]
        var position = 0

        init(text: String) {
            self.text = text
            file = SourceFile(path: "--vary", text: text)
            let lexed = Lexer.tokenize(file)
            tokens = lexed.tokens
            lexerErrors = lexed.diagnostics.filter { $0.severity == .error }
        }

        var current: Token {
            // The lexer always ends the stream with an end-of-file token.
            tokens[min(position, tokens.count - 1)]
        }

        mutating func reference() throws(InputError) -> FieldReference {
            if let first = lexerErrors.first {
                throw error(first.message, at: first.span.start, first.span.end)
            }
            if current.isEndOfFile { throw InputError("the --vary reference is empty", notes: [FieldReference.shape]) }
            guard let template = current.identifier else {
                throw error("expected a template name, found \(current.display)", at: current)
            }
            position += 1
            guard current.isPunctuation(.leftBracket) else {
                throw error("expected `[` and the fact's key after `\(template)`, found \(current.display)", at: current)
            }
            position += 1
            var key: [Value] = []
            repeat {
                if key.count > 0 { position += 1 }
                key.append(try keyValue())
            } while current.isPunctuation(.comma)
            guard current.isPunctuation(.rightBracket) else {
                throw error("expected `,` or `]` after a key value, found \(current.display)", at: current)
            }
            position += 1
            guard current.isPunctuation(.dot) else {
                throw error("expected `.` and a field name after `]`, found \(current.display)", at: current)
            }
            position += 1
            guard let field = current.identifier else {
                throw error("expected a field name after `.`, found \(current.display)", at: current)
            }
            position += 1
            guard current.isEndOfFile else {
                throw error("unexpected \(current.display) after the field name", at: current)
            }
            return FieldReference(template: template, key: key, field: field)
        }

        /// A constant key: a string without interpolation, a number (optionally
        /// negated), or `true`/`false`.
        private mutating func keyValue() throws(InputError) -> Value {
            let token = current
            position += 1
            switch token.kind {
            case .string(let parts):
                var value = ""
                for part in parts {
                    switch part {
                    case .text(let piece): value += piece
                    case .interpolation:
                        throw error("a key cannot interpolate: it must be a constant", at: token)
                    }
                }
                return .string(value)
            case .integer(let number):
                return .int(number)
            case .float(let number):
                return .float(number)
            case .identifier("true"):
                return .bool(true)
            case .identifier("false"):
                return .bool(false)
            case .punctuation(.minus):
                let operand = current
                position += 1
                switch operand.kind {
                case .integer(let number): return .int(-number)
                case .float(let number): return .float(-number)
                case .identifier, .variable, .string, .keyword, .punctuation, .invalid, .endOfFile:
                    throw error("expected a number after `-`, found \(operand.display)", at: operand)
                }
            case .identifier(let word):
                // Most likely the shell took the quotes: `--vary Region["Jilin"].x` unquoted.
                let hint = "a string key is quoted, `\"\(word)\"`; in a shell, put the whole reference in single quotes"
                throw error("expected a key value (a string, a number, true or false), found `\(word)`", at: token, notes: [hint])
            case .variable, .keyword, .punctuation, .invalid, .endOfFile:
                throw error("expected a key value (a string, a number, true or false), found \(token.display)", at: token)
            }
        }

        private func error(_ message: String, at token: Token, notes: [String] = [FieldReference.shape]) -> InputError {
            error(message, at: token.start, token.end, notes: notes)
        }

        private func error(_ message: String, at start: Int, _ end: Int,
                           notes: [String] = [FieldReference.shape]) -> InputError {
            let bytes = file.bytes
            let lower = max(0, min(start, bytes.count))
            let upper = max(lower, min(end, bytes.count))
            let column = String(decoding: bytes[..<lower], as: UTF8.self).count
            let length = max(1, String(decoding: bytes[lower..<upper], as: UTF8.self).count)
            return InputError(message, notes: notes, excerpt: .init(text: text, column: column, length: length))
        }
    }
}
