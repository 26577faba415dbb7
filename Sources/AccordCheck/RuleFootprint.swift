import AccordSyntax

/// What a rule reads and what it makes, for the checks that follow facts from rule to
/// rule: positive patterns (`$v: T(...)`, `exists`), negated ones (`not`), aggregates
/// (wherever they are written), and the facts its actions produce.
struct RuleFootprint {
    enum Polarity: Equatable {
        case positive
        case negated
        case aggregated(AggregateFunction)
    }

    struct Read {
        let pattern: Pattern
        let polarity: Polarity
        /// The condition, or the aggregate expression.
        let span: SourceSpan
    }

    let rule: RuleDeclaration
    private(set) var reads: [Read] = []
    /// `derive T {...}`: logical facts, truth-maintained.
    private(set) var derived: [Record] = []
    /// `assert T {...}`: ordinary facts.
    private(set) var asserted: [Record] = []
    /// `recommend "..." {...}`: the fields written, for the `Recommendation` fact.
    private(set) var recommendations: [(fields: [FieldValue], span: SourceSpan)] = []

    init(_ rule: RuleDeclaration) {
        self.rule = rule
        var expressions: [Expression] = []
        for condition in rule.conditions {
            switch condition {
            case .match(_, let pattern, let span), .exists(let pattern, let span):
                reads.append(Read(pattern: pattern, polarity: .positive, span: span))
                expressions += pattern.constraints
            case .not(let pattern, let span):
                reads.append(Read(pattern: pattern, polarity: .negated, span: span))
                expressions += pattern.constraints
            case .test(let expression, _):
                expressions.append(expression)
            }
        }
        for action in rule.actions {
            switch action {
            case .recommend(let text, let fields, let span):
                recommendations.append((fields, span))
                expressions += [text] + fields.map(\.value)
            case .derive(let record, _):
                derived.append(record)
                expressions += record.fields.map(\.value)
            case .assert(let record, _):
                asserted.append(record)
                expressions += record.fields.map(\.value)
            case .modify(_, let fields, _):
                expressions += fields.map(\.value)
            case .print(let expression, _):
                expressions.append(expression)
            case .retract, .halt:
                continue
            }
        }
        for expression in expressions {
            for aggregate in ExpressionWalk.aggregates(in: expression) {
                reads.append(Read(pattern: aggregate.pattern, polarity: .aggregated(aggregate.function), span: aggregate.span))
            }
        }
    }

    /// The templates whose facts the rule's actions make (`Recommendation` for `recommend`).
    var producedTemplates: [String] {
        var names = (derived + asserted).map(\.template.name)
        if !recommendations.isEmpty { names.append("Recommendation") }
        return names
    }
}
