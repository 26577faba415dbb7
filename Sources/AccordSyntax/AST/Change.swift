/// One change to the facts, as scenarios, `given { ... }` blocks and the REPL make them.
public enum Change: Sendable, Hashable {
    case assert(Record, cite: StringLiteral?, span: SourceSpan)
    case modify(FactReference, fields: [FieldValue], span: SourceSpan)
    case retract(FactReference, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .assert(_, _, let span), .modify(_, _, let span), .retract(_, let span): span
        }
    }
}
