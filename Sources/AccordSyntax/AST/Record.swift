/// `name: expr` inside braces.
public struct FieldValue: Sendable, Hashable {
    public let name: Identifier
    public let value: Expression
    public let span: SourceSpan

    public init(name: Identifier, value: Expression, span: SourceSpan) {
        self.name = name
        self.value = value
        self.span = span
    }
}

/// `Template { field: expr, ... }`: a fact to create.
public struct Record: Sendable, Hashable {
    public let template: Identifier
    public let fields: [FieldValue]
    public let span: SourceSpan

    public init(template: Identifier, fields: [FieldValue], span: SourceSpan) {
        self.template = template
        self.fields = fields
        self.span = span
    }
}

/// `Template["key"]` or `Template["a", "b"]`: a keyed fact, addressed by its key.
public struct FactReference: Sendable, Hashable {
    public let template: Identifier
    public let key: [Expression]
    public let span: SourceSpan

    public init(template: Identifier, key: [Expression], span: SourceSpan) {
        self.template = template
        self.key = key
        self.span = span
    }
}
