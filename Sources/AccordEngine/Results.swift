import AccordCheck

/// A ranked recommendation, as every renderer and embedder sees it. Plain values:
/// `Sendable`, detached from the engine that produced it.
public struct RecommendationResult: Sendable, Hashable {
    public var rank: Int
    public let rule: String
    public let subject: String
    public let text: String
    public let score: Double
    public let category: String
    /// The rule's tags, then any `tags` the recommendation gives, without repeats.
    public let tags: [String]
    /// The rule's `cite`, if it has one.
    public let cite: String?
    /// Fields of the `recommend` block other than subject, score, category and tags, in written order.
    public let details: [NamedValue]
    /// The facts that support it: the match that gave the highest score first, then the
    /// facts of the other matches that reached the same recommendation.
    public let because: [Support]
    /// The rule's position in load order: ranking ties are broken by it.
    public let ruleOrder: Int
    /// How each of the rule's conditions held for the match that gave the best score,
    /// in source order.
    public var conditions: [ConditionResult]
    /// The aggregates that match computed (`count(Crossing(...)) = 5`), with the facts
    /// they aggregated when there are few.
    public var aggregates: [AggregateResult]

    public init(rank: Int, rule: String, subject: String, text: String, score: Double, category: String, tags: [String],
                cite: String?, details: [NamedValue], because: [Support], ruleOrder: Int,
                conditions: [ConditionResult] = [], aggregates: [AggregateResult] = []) {
        self.rank = rank
        self.rule = rule
        self.subject = subject
        self.text = text
        self.score = score
        self.category = category
        self.tags = tags
        self.cite = cite
        self.details = details
        self.because = because
        self.ruleOrder = ruleOrder
        self.conditions = conditions
        self.aggregates = aggregates
    }
}

public struct NamedValue: Sendable, Hashable {
    public let name: String
    public let value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// A fact that a match used, with where it came from. A derived fact carries the rule
/// that derived it and that rule's own supports, down to the facts of the files.
public struct Support: Sendable, Hashable {
    public let template: String
    /// The key values, empty for an unkeyed template.
    public let key: [Value]
    public let fields: [NamedValue]
    public let cite: String?
    public let derivedBy: Derivation?
    /// The variable the matching condition bound it to (`r` for `$r: Region(...)`), nil
    /// for an unbound pattern and for facts not matched by a condition.
    public var binding: String?

    public init(template: String, key: [Value], fields: [NamedValue], cite: String?, derivedBy: Derivation?,
                binding: String? = nil) {
        self.template = template
        self.key = key
        self.fields = fields
        self.cite = cite
        self.derivedBy = derivedBy
        self.binding = binding
    }
}

public struct Derivation: Sendable, Hashable {
    public let rule: String
    public let because: [Support]

    public init(rule: String, because: [Support]) {
        self.rule = rule
        self.because = because
    }
}

/// A fact in working memory.
public struct FactSnapshot: Sendable, Hashable {
    public let id: Int
    public let template: String
    public let fields: [NamedValue]
    public let cite: String?
    /// True for facts that exist only while the match that derived them holds.
    public let isLogical: Bool
    /// The rule whose `assert` made it; nil for a given fact (files, scenarios, the
    /// session) and for a logical one.
    public var assertedBy: String? = nil

    /// Given: from the files, a scenario or the session, not made by a rule.
    public var isGiven: Bool { !isLogical && assertedBy == nil }
}

public struct RunStatistics: Sendable, Hashable {
    /// Every fact in working memory after the run (loaded, asserted and derived);
    /// recommendations are counted separately.
    public let facts: Int
    public let recommendations: Int
    public let rules: Int
    public let firings: Int

    public init(facts: Int, recommendations: Int, rules: Int, firings: Int) {
        self.facts = facts
        self.recommendations = recommendations
        self.rules = rules
        self.firings = firings
    }
}

/// How a run ended.
public enum RunOutcome: Sendable, Hashable {
    /// No activation left.
    case quiescent
    /// A rule executed `halt`.
    case halted(rule: String)
}
