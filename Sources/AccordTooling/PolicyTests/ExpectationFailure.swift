import AccordEngine
import AccordSyntax

/// Why one `expect` of a policy test did not hold: the evidence, as data, for the
/// report to word (and for the REPL or a coverage tool to reuse).
public struct ExpectationFailure: Sendable {
    public let expectation: Expectation
    public let reason: Reason

    public enum Reason: Sendable {
        /// `expect recommend`: no recommendation matched. `produced` is everything the
        /// rule recommended, ranked; when that is nothing, `nearest` is what the run made
        /// instead (nil otherwise).
        case recommendationMissing(RecommendationQuery, produced: [RecommendationResult], nearest: NearestRecommendations?)
        /// `expect no recommend`: these recommendations matched, ranked.
        case recommendationPresent(RecommendationQuery, matches: [RecommendationResult])
        /// `expect fact`: no fact matched. `total` facts of the template exist; `examples`
        /// are the first few of them.
        case factMissing(FactQuery, total: Int, examples: [FactSnapshot])
        /// `expect no fact`: these facts matched, in the order they were made.
        case factPresent(FactQuery, matches: [FactSnapshot])
        /// The expectation could not be evaluated (a run-time error in its pattern).
        case error(PolicyTestError)
    }

    public init(expectation: Expectation, reason: Reason) {
        self.expectation = expectation
        self.reason = reason
    }

    /// The expectation as written in the file.
    public var source: String { expectation.span.text }
}

/// The recommendations closest to a missing one, so a failure shows what happened
/// instead: the same subject's recommendations from other rules, or, without a subject
/// or when it has none, the best ranked.
public struct NearestRecommendations: Sendable {
    public enum Kind: Sendable, Hashable {
        case sameSubject(String)
        case topRanked
    }

    public static let limit = 3

    public let kind: Kind
    public let recommendations: [RecommendationResult]

    public init(kind: Kind, recommendations: [RecommendationResult]) {
        self.kind = kind
        self.recommendations = recommendations
    }

    /// Up to `limit` of `all` (ranked) for `query`: never the rule's own, which it made none of.
    static func around(_ query: RecommendationQuery, in all: [RecommendationResult]) -> NearestRecommendations {
        if let subject = query.subject {
            let sameSubject = all.filter { $0.subject == subject && $0.rule != query.rule }
            if !sameSubject.isEmpty {
                return NearestRecommendations(kind: .sameSubject(subject), recommendations: Array(sameSubject.prefix(limit)))
            }
        }
        return NearestRecommendations(kind: .topRanked, recommendations: Array(all.prefix(limit)))
    }
}

/// What `expect [no] fact T(...)` looks for: the template, its key fields (to address
/// the facts shown, `Region["Jilin"]`) and the pattern as written.
public struct FactQuery: Sendable, Hashable {
    public let template: String
    public let key: [String]
    public let pattern: String

    public init(template: String, key: [String], pattern: String) {
        self.template = template
        self.key = key
        self.pattern = pattern
    }
}
