/// One entry of a rule's `then` clause.
public enum Action: Sendable, Hashable {
    /// `recommend "TEXT" { subject: ..., score: ..., category: ..., details... }`.
    case recommend(text: Expression, fields: [FieldValue], span: SourceSpan)
    /// `derive T { ... }`: a logical fact, truth-maintained like a recommendation.
    case derive(Record, span: SourceSpan)
    /// `assert T { ... }`: an ordinary fact that outlives the match.
    case assert(Record, span: SourceSpan)
    case retract(variable: Identifier, span: SourceSpan)
    case modify(variable: Identifier, fields: [FieldValue], span: SourceSpan)
    case print(Expression, span: SourceSpan)
    case halt(span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .recommend(_, _, let span), .derive(_, let span), .assert(_, let span), .retract(_, let span),
             .modify(_, _, let span), .print(_, let span), .halt(let span):
            span
        }
    }
}
