extension Lexer {
    /// Lexes `"..."` with escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\{`, `\}`, `\u{...}`)
    /// and interpolations `{expr}`. A string ends on its line: an unterminated one is
    /// reported where it began, and lexing resumes on the next line.
    mutating func lexString(newlineBefore: Bool, depth: Int) -> Token? {
        let start = index
        index += 1
        // Most strings have no escape and no interpolation: take them in one slice.
        var probe = index
        while probe < bytes.count {
            let byte = bytes[probe]
            if byte == UInt8(ascii: "\"") {
                let text = probe > index ? [StringPart.text(decode(index, probe))] : []
                index = probe + 1
                return Token(kind: .string(text), start: start, end: index, newlineBefore: newlineBefore)
            }
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\n") { break }
            probe += 1
        }
        var parts: [StringPart] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty {
                parts.append(.text(String(decoding: text, as: UTF8.self)))
                text.removeAll()
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                flush()
                return Token(kind: .string(parts), start: start, end: index, newlineBefore: newlineBefore)
            case UInt8(ascii: "\n"):
                report("parse.unterminated-string", "unterminated string", start, start + 1)
                return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
            case UInt8(ascii: "\\"):
                lexEscape(into: &text)
            case UInt8(ascii: "{"):
                flush()
                guard depth < Lexer.maximumInterpolationDepth else {
                    report("parse.nesting-too-deep", "string interpolation nested deeper than \(Lexer.maximumInterpolationDepth) levels", index, index + 1)
                    abandonedInterpolation = true
                    skipToLineEnd()
                    return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
                }
                let open = index
                index += 1
                // A line break met inside stays recorded for the next token.
                let inner = lexTokens(until: UInt8(ascii: "}"), depth: depth + 1)
                guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else {
                    // Past the nesting limit the line was abandoned, and reported once.
                    if abandonedInterpolation {
                        if depth == 0 { abandonedInterpolation = false }
                        return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
                    }
                    report("parse.unterminated-interpolation", "unterminated interpolation `{` in string", open, open + 1)
                    return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
                }
                index += 1
                parts.append(.interpolation(inner, start: open, end: index))
            case UInt8(ascii: "}"):
                text.append(byte)
                index += 1
            default:
                text.append(byte)
                index += 1
            }
        }
        report("parse.unterminated-string", "unterminated string", start, start + 1)
        return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
    }

    mutating func lexEscape(into text: inout [UInt8]) {
        let start = index
        index += 1
        guard index < bytes.count else {
            return
        }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            // Leave the line break for the string to find: it is unterminated.
            report("parse.invalid-escape", "`\\` at the end of a line; strings end on their line", start, index)
            return
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): text.append(byte)
        case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "u"):
            lexUnicodeEscape(start: start, into: &text)
        default:
            index -= 1
            skipCharacter()
            report("parse.invalid-escape", "invalid escape `\(decode(start, index))` in string", start, index)
        }
    }

    mutating func lexUnicodeEscape(start: Int, into text: inout [UInt8]) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            report("parse.invalid-escape", "expected `{` after `\\u`", start, index)
            return
        }
        index += 1
        let digitsStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "}"), bytes[index] != UInt8(ascii: "\""),
              bytes[index] != UInt8(ascii: "\n"), index - digitsStart <= 8 {
            index += 1
        }
        let digits = decode(digitsStart, index)
        let closed = index < bytes.count && bytes[index] == UInt8(ascii: "}")
        if closed { index += 1 }
        guard closed, (1...8).contains(digits.utf8.count), let value = UInt32(digits, radix: 16),
              let scalar = Unicode.Scalar(value) else {
            report("parse.invalid-escape", "invalid unicode escape `\(decode(start, index))`", start, index)
            return
        }
        text.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    mutating func skipToLineEnd() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }
}

/// Finds the first byte that does not belong to well-formed UTF-8, so that the error
/// can name its position instead of letting the decoder replace it silently.
enum UTF8Validation {
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            if second < lowerBound || second > upperBound { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
