import AccordCheck
import AccordSyntax

extension Engine {
    /// Why a rule did not fire, for a subject if one is given (`:whynot RULE [SUBJECT]`,
    /// `accord whynot`). Reads the network as it stands, so run first; nothing changes.
    ///
    /// The rule fired when a recommendation of it with that subject exists (any subject
    /// when none is given); for a rule that recommends nothing, when a complete match
    /// (whose facts mention the subject) fired. Otherwise the report holds the matches
    /// that got furthest along the rule's chain of conditions — with a subject, the
    /// furthest of those whose facts mention it in a key or a string field — and the
    /// first condition the closest one fails, with the values that made it fail.
    ///
    /// An unknown rule is a `.compile` error whose span covers the name as typed.
    public func whyNot(rule name: String, subject: String? = nil) throws(EngineError) -> WhyNotReport {
        guard let rule = network.rules.first(where: { $0.name == name }) else {
            let typed = SourceFile(path: "<whynot>", text: name)
            let suggestion = NameSuggestion.best(for: name, among: network.rules.map(\.name))
            throw .compile(message: "unknown rule `\(name)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
                           span: SourceSpan(file: typed, start: 0, end: typed.bytes.count))
        }
        do {
            return try WhyNotAnalysis(network: network, rule: rule, subject: subject).report()
        } catch let error as CompileError {
            throw .compile(message: error.message, span: error.span)
        } catch {
            throw .internalError("\(error)")
        }
    }
}

/// The steps of `Engine.whyNot`: the verdict from recommendations and complete matches,
/// then the partial matches and the failing condition.
private struct WhyNotAnalysis {
    let network: Network
    let rule: CompiledRule
    let subject: String?
    let layout: RuleLayout
    let probe: WhyNotProbe
    /// The subjects of the rule's current recommendations, sorted.
    let recommended: [String]

    init(network: Network, rule: CompiledRule, subject: String?) {
        self.network = network
        self.rule = rule
        self.subject = subject
        layout = rule.layout
        probe = WhyNotProbe(network: network, rule: rule, layout: layout, subject: subject)
        recommended = Set(network.recommendations.entries.values
            .filter { $0.key.rule == rule.index && $0.best != nil }
            .map { network.symbols.text($0.key.subject) }).sorted()
    }

    func report() throws -> WhyNotReport {
        let recommends = rule.actions.contains { if case .recommend = $0 { true } else { false } }
        let complete = rule.production.matches.filter { activation in
            subject == nil || activation.token.facts.contains(where: probe.mentions)
        }
        func verdict(_ verdict: WhyNotReport.Verdict, closest: [Token] = []) -> WhyNotReport {
            WhyNotReport(rule: rule.name, subject: subject, verdict: verdict,
                         conditionCount: rule.declaration.conditions.count,
                         recommendedSubjects: recommended, closest: closest.prefix(WhyNotReport.closestLimit).map(partial),
                         closestCount: closest.count, failed: nil)
        }
        if let subject {
            if recommends ? recommended.contains(subject) : complete.contains(where: \.fired) { return verdict(.fired) }
        } else if !recommended.isEmpty || complete.contains(where: \.fired) {
            return verdict(.fired)
        }
        if complete.contains(where: { !$0.fired }) { return verdict(.pending, closest: complete.map(\.token)) }
        if !complete.isEmpty { return verdict(.otherSubject, closest: complete.map(\.token)) }
        return try failing()
    }

    /// The furthest partial matches (with the subject, when any mention it) and why the
    /// best of them stops.
    private func failing() throws -> WhyNotReport {
        let levels = network.partialMatches(of: rule)
        // The root token matches the empty prefix: level -1.
        var reached: (level: Int, tokens: [Token]) = (-1, [network.rootToken])
        var reachedWithSubject: (level: Int, tokens: [Token])?
        for (level, tokens) in levels.enumerated() where !tokens.isEmpty {
            reached = (level, tokens)
            let mentioning = tokens.filter { $0.facts.contains(where: probe.mentions) }
            if !mentioning.isEmpty { reachedWithSubject = (level, mentioning) }
        }
        if subject != nil, reachedWithSubject == nil, let found = try subjectFailure(levels) {
            return found
        }
        let chosen = reachedWithSubject ?? reached
        if chosen.level == levels.count - 1 {
            // Every level matched, for other subjects only (the complete matches were
            // found above): the rule holds, not for this subject.
            return WhyNotReport(rule: rule.name, subject: subject, verdict: .otherSubject,
                                conditionCount: rule.declaration.conditions.count,
                                recommendedSubjects: recommended, closest: [], closestCount: 0, failed: nil)
        }
        // Of the first few matches, the one whose failing condition gets furthest.
        var best: (token: Token, failure: FailedCondition)?
        for token in chosen.tokens.prefix(16) {
            let failure = try probe.failure(at: chosen.level + 1, after: token)
            if best == nil || Self.closeness(failure) > Self.closeness(best?.failure) { best = (token, failure) }
        }
        var ordered = chosen.tokens
        if let token = best?.token, let index = ordered.firstIndex(where: { $0 === token }) {
            ordered.remove(at: index)
            ordered.insert(token, at: 0)
        }
        var report = WhyNotReport(rule: rule.name, subject: subject, verdict: .failed,
                                  conditionCount: rule.declaration.conditions.count, recommendedSubjects: recommended,
                                  closest: ordered.prefix(WhyNotReport.closestLimit).map(partial),
                                  closestCount: ordered.count, failed: best?.failure)
        if let best { report.candidates = candidates.candidates(for: best.failure, after: best.token) }
        return report
    }

    /// No match mentions the subject: the shallowest level where a fact mentioning it
    /// is the candidate that fails, if any (a rule may bind the subject's fact after
    /// conditions that hold for everyone).
    private func subjectFailure(_ levels: [[Token]]) throws -> WhyNotReport? {
        let stages = [(level: -1, tokens: [network.rootToken])]
            + levels.enumerated().map { (level: $0.offset, tokens: $0.element) }
        for stage in stages where stage.level + 1 < levels.count {
            for token in stage.tokens.prefix(16) {
                let failure = try probe.failure(at: stage.level + 1, after: token)
                guard case .constraint(let constraint) = failure.reason,
                      constraint.fact.fields.contains(where: { $0.value == .string(subject ?? "") }) else { continue }
                var report = WhyNotReport(rule: rule.name, subject: subject, verdict: .failed,
                                          conditionCount: rule.declaration.conditions.count,
                                          recommendedSubjects: recommended, closest: [partial(token)],
                                          closestCount: stage.tokens.count, failed: failure)
                report.candidates = candidates.candidates(for: failure, after: token)
                return report
            }
        }
        return nil
    }

    private var candidates: WhyNotCandidates {
        WhyNotCandidates(network: network, rule: rule, layout: layout)
    }

    /// How close a failure comes: constraints satisfied by the best candidate.
    private static func closeness(_ failure: FailedCondition?) -> Int {
        guard let failure else { return -1 }
        if case .constraint(let constraint) = failure.reason { return constraint.satisfiedConstraints }
        return 0
    }

    private func partial(_ token: Token) -> PartialMatch {
        var explanation = Network.Explanation(valuesBefore: nil)
        var aggregates: [NamedValue] = []
        var current: Token? = token
        while let step = current, step.level >= 0 {
            if let slot = step.slot, step.level < layout.levels.count,
               case .aggregate(let expression, _) = layout.levels[step.level] {
                aggregates.insert(NamedValue(expression.span.text, network.symbols.value(slot)), at: 0)
            }
            current = step.parent
        }
        let satisfied = token.level < 0 ? 0 : layout.conditionsBefore(level: token.level + 1)
        return PartialMatch(satisfied: satisfied,
                            facts: network.matchedFacts(of: token).map { level, fact in
                                var support = network.support(of: fact, in: &explanation, depth: 0)
                                support.binding = network.binding(at: level, of: rule)
                                return support
                            },
                            aggregates: aggregates)
    }
}
