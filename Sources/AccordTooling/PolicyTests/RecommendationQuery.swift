import AccordEngine
import AccordSyntax

/// What `expect [no] recommend RULE [for SUBJECT] [with score OP N]` looks for, with
/// the subject and the bound evaluated: a recommendation of the rule, for the subject
/// if one is given, with a score satisfying the bound if one is given.
public struct RecommendationQuery: Sendable, Hashable {
    public let rule: String
    public let subject: String?
    public let score: ScoreBound?

    public init(rule: String, subject: String?, score: ScoreBound?) {
        self.rule = rule
        self.subject = subject
        self.score = score
    }

    public func matches(_ recommendation: RecommendationResult) -> Bool {
        recommendation.rule == rule
            && (subject.map { $0 == recommendation.subject } ?? true)
            && (score.map { $0.accepts(recommendation.score) } ?? true)
    }
}

/// `with score OP N`. Scores are computed in floating point (`0.5 + 23.2 / 100`), so
/// two scores closer than `tolerance` count as equal for every comparison: `==` and
/// `!=` would otherwise hinge on the last bit, and `>=`, `<=`, `<`, `>` must agree
/// with `==` on the boundary.
public struct ScoreBound: Sendable, Hashable {
    public static let tolerance = 1e-9

    public let comparison: BinaryOperator
    public let value: Double

    public init(comparison: BinaryOperator, value: Double) {
        self.comparison = comparison
        self.value = value
    }

    public func accepts(_ score: Double) -> Bool {
        let equal = abs(score - value) <= ScoreBound.tolerance
        switch comparison {
        case .equal: return equal
        case .notEqual: return !equal
        case .less: return score < value && !equal
        case .lessEqual: return score < value || equal
        case .greater: return score > value && !equal
        case .greaterEqual: return score > value || equal
        // The parser accepts only the six comparisons after `with score`.
        case .or, .and, .in, .notIn, .contains, .add, .subtract, .multiply, .divide, .remainder: return false
        }
    }
}
