/// One loaded source text: its path as the user named it, its UTF-8 bytes, and the
/// offsets where its lines start, so that spans stay cheap byte ranges and line and
/// column are only computed when a diagnostic is rendered.
public final class SourceFile: Sendable, Hashable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first content byte (after a UTF-8 byte-order mark, if any).
    public let contentStart: Int
    private let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.contentStart = hasBOM ? 3 : 0
        var starts = [contentStart]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line and character column of a byte offset. Columns count characters
    /// (grapheme clusters), not bytes, so a CJK name moves the column by one.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(contentStart, min(offset, bytes.count))
        let lineIndex = lineIndex(containing: clamped)
        let start = lineStarts[lineIndex]
        let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
        return SourceLocation(line: lineIndex + 1, column: prefix.count + 1, offset: clamped)
    }

    /// The text of a 1-based line without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Byte offset where a 1-based line starts.
    public func lineStart(_ line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return lineStarts[line - 1]
    }

    public func text(of span: SourceSpan) -> String {
        let lower = max(0, min(span.start, bytes.count))
        let upper = max(lower, min(span.end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
    public var description: String { "\(line):\(column)" }
}
