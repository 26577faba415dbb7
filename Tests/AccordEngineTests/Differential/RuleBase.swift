/// The structured form of a generated rule base in the declarative subset (`recommend`
/// and `derive` only). The generator builds it, `RuleBase+Text` renders it to Accord
/// source for the engine, and the naive evaluator reads it directly, so the oracle never
/// goes through the parser, the checker or the engine it is checking.
struct RuleBase {
    var templates: [TemplateSpec]
    var facts: [FactSpec]
    var rules: [RuleSpec]

    func template(named name: String) -> TemplateSpec {
        guard let template = templates.first(where: { $0.name == name }) else {
            preconditionFailure("the generator referred to an undeclared template `\(name)`")
        }
        return template
    }

    var baseTemplates: [TemplateSpec] { templates.filter { $0.stratum == nil } }
}

/// A value of the evaluated language: field values, and what expressions compute.
enum Scalar: Hashable, Sendable, CustomStringConvertible {
    case int(Int64)
    case float(Double)
    case string(String)
    case bool(Bool)

    /// How the value is written in Accord source (and in failure messages).
    var description: String {
        switch self {
        case .int(let number): String(number)
        case .float(let number): number.description
        case .string(let text): "\"\(text)\""
        case .bool(let flag): flag ? "true" : "false"
        }
    }
}

enum FieldKind: String, Sendable {
    case int, float, string

    var isNumeric: Bool { self != .string }
}

struct FieldSpec {
    let name: String
    let kind: FieldKind
    /// Facts and derivations may leave the field out; the field then takes this value.
    let defaultValue: Scalar?
}

struct TemplateSpec {
    let name: String
    let fields: [FieldSpec]
    /// The key field's name, for keyed base templates.
    let key: String?
    /// Nil for a base template (facts only); for a derived template (rules only), its
    /// stratum: rules deriving it may negate or aggregate only base templates and derived
    /// templates of lower strata.
    let stratum: Int?

    func field(named name: String) -> FieldSpec {
        guard let field = fields.first(where: { $0.name == name }) else {
            preconditionFailure("`\(self.name)` has no field `\(name)`")
        }
        return field
    }

    func index(of name: String) -> Int {
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("`\(self.name)` has no field `\(name)`")
        }
        return index
    }
}

/// A fact of the files: the fields it gives (the others take their defaults).
struct FactSpec {
    let template: String
    let given: [(name: String, value: Scalar)]
}

struct RuleSpec {
    let name: String
    var conditions: [ConditionSpec]
    var actions: [ActionSpec]
}

struct PatternSpec {
    let template: String
    var constraints: [Expr]
}

enum ConditionSpec {
    case match(binding: String?, PatternSpec)
    case not(PatternSpec)
    case exists(PatternSpec)
    case test(Expr)
}

enum ActionSpec {
    /// Fields left out take the template's defaults.
    case derive(template: String, fields: [(name: String, value: Expr)])
    /// A nil subject or score is left out of the text: `""` and `0.5`.
    case recommend(text: [TextPiece], subject: Expr?, score: Expr?)
}

enum TextPiece {
    case literal(String)
    case value(Expr)
}

indirect enum Expr {
    case literal(Scalar)
    /// A bare name: a field of the fact being matched (in a pattern) or aggregated.
    case field(String)
    /// `$binding.field`.
    case binding(String, String)
    case binary(BinaryOp, Expr, Expr)
    case not(Expr)
    /// Unary minus.
    case negate(Expr)
    /// Two-argument `min`/`max`, or `abs`.
    case call(CallFunction, [Expr])
    case aggregate(AggregateKind, PatternSpec, Expr?)
}

extension Expr {
    /// The aggregates in the expression, outermost first (not those nested inside them).
    var aggregates: [Expr] {
        switch self {
        case .literal, .field, .binding: []
        case .binary(_, let lhs, let rhs): lhs.aggregates + rhs.aggregates
        case .not(let inner), .negate(let inner): inner.aggregates
        case .call(_, let arguments): arguments.flatMap(\.aggregates)
        case .aggregate: [self]
        }
    }
}

enum BinaryOp: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or

    static let comparisons: [BinaryOp] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]
}

enum CallFunction: String {
    case min, max, abs
}

enum AggregateKind: String, CaseIterable {
    case count, sum, min, max, avg
}
