/// A name as written, with where it was written.
public struct Identifier: Sendable, Hashable {
    public let name: String
    public let span: SourceSpan

    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// A plain string literal where interpolation makes no sense (titles, citations,
/// file paths, test names).
public struct StringLiteral: Sendable, Hashable {
    public let value: String
    public let span: SourceSpan

    public init(_ value: String, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}
