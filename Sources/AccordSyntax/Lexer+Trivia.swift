extension Lexer {
    /// Skips whitespace and comments, recording comments and whether a line break passed.
    mutating func skipTrivia() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                sawNewline = true
                newlinesSinceToken += 1
                lineHasToken = false
                index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                index += 1
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                var end = index
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                recordComment(start: start, end: end, isBlock: false)
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                skipBlockComment()
            case 0x80...:
                // No-break and ideographic spaces are spaces, not parts of a name.
                guard let (scalar, length) = scalar(at: index), scalar.properties.isWhitespace else {
                    newlinesSinceToken = 0
                    return
                }
                index += length
            default:
                newlinesSinceToken = 0
                return
            }
        }
    }

    mutating func skipBlockComment() {
        let start = index
        index += 2
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                index += 2
                recordComment(start: start, end: index, isBlock: true)
                return
            }
            if bytes[index] == UInt8(ascii: "\n") {
                sawNewline = true
            }
            index += 1
        }
        index = bytes.count
        report("parse.unterminated-comment", "unterminated block comment", start, start + 2)
    }

    mutating func recordComment(start: Int, end: Int, isBlock: Bool) {
        comments.append(Comment(
            text: decode(start, end), start: start, end: end, isBlock: isBlock,
            startsLine: !lineHasToken, blankLineBefore: newlinesSinceToken >= 2))
        newlinesSinceToken = 0
        lineHasToken = true
    }
}
