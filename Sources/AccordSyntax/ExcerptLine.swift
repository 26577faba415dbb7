/// The part of a source line that a diagnostic shows above its caret. Usually the whole
/// line; but a CSV export can hold a 50 MB cell on one line, and printing (or decoding
/// into characters) all of it for every error would flood the terminal and memory, so
/// a long line is cut to a window around the span, marked with `…` at the cut ends.
/// Control characters are shown as their Unicode pictures (`␀`), so a NUL byte or an
/// escape sequence in a broken file cannot upset the terminal or hide the caret.
struct ExcerptLine {
    /// Bytes of context kept on each side of the span, and of the span itself.
    static let context = 120

    let before: String
    let underlined: String
    let after: String

    init(_ span: SourceSpan) {
        let file = span.file
        let bytes = file.bytes
        let line = span.startLocation.line
        let lineStart = file.lineStart(line)
        var lineEnd = line < file.lineCount ? file.lineStart(line + 1) - 1 : bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        lineEnd = max(lineStart, lineEnd)

        let start = min(max(span.start, lineStart), lineEnd)
        var end = min(max(span.end, start), lineEnd)
        // An empty span underlines the character it stands before.
        if end == start, start < lineEnd { end = ExcerptLine.nextBoundary(after: start, in: bytes, limit: lineEnd) }
        let shownEnd = ExcerptLine.boundary(atOrBefore: min(end, start + ExcerptLine.context), in: bytes, floor: start)
        let windowStart = ExcerptLine.boundary(atOrAfter: max(lineStart, start - ExcerptLine.context), in: bytes, ceiling: start)
        let windowEnd = ExcerptLine.boundary(atOrBefore: min(lineEnd, shownEnd + ExcerptLine.context), in: bytes, floor: shownEnd)

        let leading = windowStart > lineStart ? "…" : ""
        let trailing = windowEnd < lineEnd ? "…" : ""
        before = leading + ExcerptLine.visible(bytes[windowStart..<start])
        underlined = ExcerptLine.visible(bytes[start..<shownEnd])
        after = ExcerptLine.visible(bytes[shownEnd..<windowEnd]) + trailing
    }

    var text: String { before + underlined + after }

    /// Decoded text with control characters (other than tab) replaced by their pictures.
    static func visible(_ slice: ArraySlice<UInt8>) -> String {
        let text = String(decoding: slice, as: UTF8.self)
        guard slice.contains(where: { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: scalars.append(scalar)
            case 0x00..<0x20: scalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? scalar)
            case 0x7F: scalars.append("\u{2421}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The first offset at or after `offset` that starts a UTF-8 sequence.
    private static func boundary(atOrAfter offset: Int, in bytes: [UInt8], ceiling: Int) -> Int {
        var index = offset
        while index < ceiling, isContinuation(bytes[index]) { index += 1 }
        return index
    }

    /// The last offset at or before `offset` that starts a UTF-8 sequence (or ends the text).
    private static func boundary(atOrBefore offset: Int, in bytes: [UInt8], floor: Int) -> Int {
        var index = offset
        while index > floor, index < bytes.count, isContinuation(bytes[index]) { index -= 1 }
        return index
    }

    private static func nextBoundary(after offset: Int, in bytes: [UInt8], limit: Int) -> Int {
        var index = offset + 1
        while index < limit, isContinuation(bytes[index]) { index += 1 }
        return index
    }
}
