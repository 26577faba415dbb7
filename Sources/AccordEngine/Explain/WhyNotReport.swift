import AccordCheck

/// Why a rule did not fire (for a subject), read from the network's own memories: the
/// REPL's `:whynot RULE [SUBJECT]` and `accord whynot` render it. Plain values.
public struct WhyNotReport: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        /// It fired: a recommendation of the rule (with the subject) exists, or, for a
        /// rule that recommends nothing, a complete match (mentioning the subject) fired.
        case fired
        /// Every condition holds but the match has not fired yet: the session needs a run.
        case pending
        /// Every condition holds (for facts mentioning the subject, when one is given),
        /// but what the rule recommended is for other subjects (`recommendedSubjects`).
        case otherSubject
        /// A condition fails: `closest` and `failed` say which and why.
        case failed
    }

    public let rule: String
    public let subject: String?
    public let verdict: Verdict
    public let conditionCount: Int
    /// The subjects of the rule's current recommendations, sorted.
    public let recommendedSubjects: [String]
    /// The matches that got furthest, the one `failed` examines first. When a subject is
    /// given, matches whose facts mention it are preferred. At most `closestLimit`.
    public let closest: [PartialMatch]
    /// How many matches reached that far (before the limit).
    public let closestCount: Int
    /// The first condition the closest match fails; nil unless the verdict is `failed`.
    public let failed: FailedCondition?

    /// Changes verified to make the rule fire for the subject, filled in by
    /// `whyNot(rule:subject:suggestingChanges:)`: single changes first; pairs only when
    /// no single change does.
    public internal(set) var changes: [SuggestedChange] = []
    /// How many candidate changes were tried and did not make it fire.
    public internal(set) var unverifiedChanges = 0
    /// The single changes to try, before verification.
    var candidates: [SuggestedChange] = []

    public static let closestLimit = 5

    public var fired: Bool { verdict == .fired }

    public init(rule: String, subject: String?, verdict: Verdict, conditionCount: Int, recommendedSubjects: [String],
                closest: [PartialMatch], closestCount: Int, failed: FailedCondition?) {
        self.rule = rule
        self.subject = subject
        self.verdict = verdict
        self.conditionCount = conditionCount
        self.recommendedSubjects = recommendedSubjects
        self.closest = closest
        self.closestCount = closestCount
        self.failed = failed
    }
}

/// A match of a prefix of a rule's conditions.
public struct PartialMatch: Sendable, Hashable {
    /// How many conditions, from the first, it satisfies.
    public let satisfied: Int
    /// The facts bound so far, in condition order.
    public let facts: [Support]
    /// The aggregates computed so far, by their text as written, with their values.
    public let aggregates: [NamedValue]

    public init(satisfied: Int, facts: [Support], aggregates: [NamedValue]) {
        self.satisfied = satisfied
        self.facts = facts
        self.aggregates = aggregates
    }
}

/// Where in the source something is written, with its text as written.
public struct SourceText: Sendable, Hashable {
    public let text: String
    public let path: String
    public let line: Int
    public let column: Int

    public init(text: String, path: String, line: Int, column: Int) {
        self.text = text
        self.path = path
        self.line = line
        self.column = column
    }
}

/// The first condition the closest partial match fails.
public struct FailedCondition: Sendable, Hashable {
    /// The condition's position among the rule's conditions (0-based); equal to the
    /// number of conditions for an aggregate that only the actions read.
    public let index: Int
    /// The condition as written (the aggregate, for one the actions read).
    public let source: SourceText
    public let reason: WhyNotReason

    public init(index: Int, source: SourceText, reason: WhyNotReason) {
        self.index = index
        self.source = source
        self.reason = reason
    }
}

public enum WhyNotReason: Sendable, Hashable {
    /// A pattern (or `exists`) whose template has no live fact at all.
    case noFacts(template: String)
    /// A pattern (or `exists`): the candidate fact that came closest and the first of
    /// the pattern's constraints it fails.
    case constraint(FailedConstraint)
    /// A `not`: the facts that match it and so block the rule.
    case blocked(by: [Support])
    /// A `test` that is false (or fails to evaluate), with the values it read.
    case test(values: [NamedValue], error: String?)
    /// `min`, `max` or `avg` over no facts has no value, so nothing after it can match.
    case noAggregateValue(aggregate: String)
    /// The network holds no match here, yet evaluating the condition again finds
    /// nothing false: reported as is rather than guessed at.
    case unexplained
}

/// A constraint false for a candidate fact, with what it read.
public struct FailedConstraint: Sendable, Hashable {
    /// The constraint as written.
    public let source: SourceText
    /// The candidate fact it was evaluated on.
    public let fact: Support
    /// What the constraint read: the fact's fields by name, earlier facts' fields as
    /// `$v.field`, aggregates by their text.
    public let values: [NamedValue]
    /// The evaluation's error, when it failed rather than gave false.
    public let error: String?
    /// How many constraints before it the fact satisfies.
    public let satisfiedConstraints: Int
    /// How many facts of the template were tried.
    public let candidates: Int

    public init(source: SourceText, fact: Support, values: [NamedValue], error: String?, satisfiedConstraints: Int,
                candidates: Int) {
        self.source = source
        self.fact = fact
        self.values = values
        self.error = error
        self.satisfiedConstraints = satisfiedConstraints
        self.candidates = candidates
    }
}
