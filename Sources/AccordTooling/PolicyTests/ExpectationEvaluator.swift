import AccordCheck
import AccordEngine
import AccordSyntax

/// Decides whether the expectations of one test hold in the engine's current state,
/// and gathers the evidence when one does not.
struct ExpectationEvaluator {
    /// How many facts of the template a failed `expect fact` shows.
    static let factExamples = 3

    let engine: Engine
    let program: CheckedProgram
    /// Ranked once per test, and only for a test that expects about recommendations
    /// (each carries its explanation, which a large rule base pays for).
    let recommendations: [RecommendationResult]

    init(engine: Engine, program: CheckedProgram, expectations: [Expectation]) {
        self.engine = engine
        self.program = program
        let asksAboutRecommendations = expectations.contains { expectation in
            switch expectation.kind {
            case .recommend: true
            case .fact: false
            }
        }
        recommendations = asksAboutRecommendations ? engine.recommendations() : []
    }

    /// Nil when the expectation holds.
    func failure(of expectation: Expectation) -> ExpectationFailure? {
        let reason: ExpectationFailure.Reason?
        do {
            switch expectation.kind {
            case .recommend(let rule, let subject, let score):
                let query = RecommendationQuery(rule: rule.name, subject: try subject.map(self.subject),
                                                score: try score.map(bound))
                reason = recommend(query, negated: expectation.negated)
            case .fact(let pattern):
                reason = try fact(pattern, negated: expectation.negated)
            }
        } catch {
            reason = .error(PolicyTestError(error, program: program))
        }
        return reason.map { ExpectationFailure(expectation: expectation, reason: $0) }
    }

    private func recommend(_ query: RecommendationQuery, negated: Bool) -> ExpectationFailure.Reason? {
        let matches = recommendations.filter(query.matches)
        if negated {
            return matches.isEmpty ? nil : .recommendationPresent(query, matches: matches)
        }
        guard matches.isEmpty else { return nil }
        let produced = recommendations.filter { $0.rule == query.rule }
        let nearest = produced.isEmpty ? NearestRecommendations.around(query, in: recommendations) : nil
        return .recommendationMissing(query, produced: produced, nearest: nearest)
    }

    private func fact(_ pattern: Pattern, negated: Bool) throws(EngineError) -> ExpectationFailure.Reason? {
        let matches = Self.ordered(try engine.facts(matching: pattern))
        let template = pattern.template.name
        let query = FactQuery(template: template, key: program.template(named: template)?.key ?? [], pattern: pattern.span.text)
        if negated {
            return matches.isEmpty ? nil : .factPresent(query, matches: matches)
        }
        guard matches.isEmpty else { return nil }
        let all = Self.ordered(engine.facts(of: template))
        return .factMissing(query, total: all.count, examples: Array(all.prefix(Self.factExamples)))
    }

    /// Facts in an order that does not depend on what earlier tests did, so a test's
    /// output is the same whichever tests ran before it (`--filter`): the facts of the
    /// files, of rule `assert`s and of givens in the order they were made (a rollback
    /// revives them under their ids), then the derived facts by their values (a rollback
    /// derives those anew, under new ids).
    static func ordered(_ facts: [FactSnapshot]) -> [FactSnapshot] {
        let given = facts.filter { !$0.isLogical }
        let derived = facts.filter(\.isLogical).map { fact in
            (fact, fact.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", "))
        }
        return given + derived.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The subject is usually a string literal, but any expression that reads no fact
    /// is allowed (`"Hei" + "longjiang"`), so the engine evaluates it.
    private func subject(_ expression: Expression) throws(EngineError) -> String {
        guard case .string(let text)? = try engine.value(of: expression) else {
            throw .runtime(rule: "", message: "the subject has no value", span: expression.span)
        }
        return text
    }

    private func bound(_ bound: Expectation.ScoreBound) throws(EngineError) -> ScoreBound {
        switch try engine.value(of: bound.value) {
        case .int(let number)?:
            return ScoreBound(comparison: bound.comparison, value: Double(number))
        case .float(let number)?:
            return ScoreBound(comparison: bound.comparison, value: number)
        case .string?, .bool?, .list?, nil:
            throw .runtime(rule: "", message: "the score bound has no numeric value", span: bound.value.span)
        }
    }
}
