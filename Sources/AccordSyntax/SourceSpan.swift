/// A half-open byte range in one source file. Every syntax node and every diagnostic
/// carries one; line and column are derived from it on demand.
public struct SourceSpan: Sendable, Hashable {
    public let file: SourceFile
    public let start: Int
    public let end: Int

    public init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    public var startLocation: SourceLocation { file.location(of: start) }
    public var endLocation: SourceLocation { file.location(of: end) }
    public var text: String { file.text(of: self) }
    public var isEmpty: Bool { start == end }

    /// The smallest span covering both; spans from different files keep `self`.
    public func union(_ other: SourceSpan) -> SourceSpan {
        guard other.file === file else { return self }
        return SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public func to(_ other: SourceSpan) -> SourceSpan { union(other) }

    /// `path:line:col`, the form diagnostics and test failures use.
    public var position: String {
        let location = startLocation
        return "\(file.path):\(location.line):\(location.column)"
    }
}

extension SourceSpan: Comparable {
    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        if lhs.file.path != rhs.file.path { return lhs.file.path < rhs.file.path }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
