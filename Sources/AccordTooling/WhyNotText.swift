import AccordCheck
import AccordEngine

/// `Engine.whyNot` as text, for the REPL's `:whynot` and `accord whynot`: the verdict,
/// the closest partial match with its facts (and their cites), then the first failing
/// condition as written, where it is, and the values that made it fail.
///
///     rule `port_freight` does not fire for "Heilongjiang" (it recommends for "Jilin")
///     closest: 1 of 2 conditions hold
///       Corridor { from: "Heilongjiang", to: "Amur Oblast" }
///         derived by `border_corridor`
///     fails at condition 2, rules.accord:48:5: $ru: Region(name == $c.to, count(ports) > 0)
///       `count(ports) > 0` is false for Region["Amur Oblast"] (the closest of 4 facts)
///         ports = []
///     changes that make it fire, each verified (1 candidate did not verify):
///       modify Region["Amur Oblast"] { ports: ["Blagoveshchensk"] }  // ...
public enum WhyNotText {
    public static func render(_ report: WhyNotReport) -> String {
        var lines = [headline(report)]
        if let first = report.closest.first {
            var closest = "closest: \(first.satisfied) of \(ReportText.plural(report.conditionCount, "condition")) hold"
            if report.closestCount > 1 { closest += " (\(report.closestCount) matches; the first:)" }
            lines.append(closest)
            for fact in first.facts { lines += factLines(fact, indent: "  ") }
            for aggregate in first.aggregates {
                lines.append("  \(aggregate.name) = \(ReportText.value(aggregate.value))")
            }
        }
        if let failed = report.failed { lines += failure(failed, conditionCount: report.conditionCount) }
        if report.verdict == .failed { lines += changes(report) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verified changes as scenario lines; a pair under "together:".
    private static func changes(_ report: WhyNotReport) -> [String] {
        var lines: [String] = []
        let unverified = report.unverifiedChanges == 0 ? ""
            : " (\(ReportText.plural(report.unverifiedChanges, "candidate")) did not verify)"
        if report.changes.isEmpty {
            lines.append(report.unverifiedChanges == 0 ? "no fact change to suggest"
                         : "no single change or pair of changes verifies\(unverified)")
            return lines
        }
        lines.append("changes that make it fire, each verified\(unverified):")
        for suggestion in report.changes {
            if suggestion.changes.count == 1, let change = suggestion.changes.first {
                lines.append("  " + SuggestedChangeText.line(change))
            } else {
                lines.append("  together:")
                for change in suggestion.changes { lines.append("    " + SuggestedChangeText.line(change)) }
            }
        }
        return lines
    }

    private static func headline(_ report: WhyNotReport) -> String {
        let rule = "rule `\(report.rule)`"
        let forSubject = report.subject.map { " for \(ReportText.value(.string($0)))" } ?? ""
        let others = report.recommendedSubjects.map { ReportText.value(.string($0)) }.joined(separator: ", ")
        switch report.verdict {
        case .fired:
            return "\(rule) fired\(forSubject)"
        case .pending:
            return "every condition of \(rule) holds\(forSubject); the match has not fired yet: run to fire it"
        case .otherSubject:
            let recommends = others.isEmpty ? "" : "; it recommends for \(others)"
            if report.conditionCount == 0 { return "\(rule) has no conditions\(recommends)" }
            let subject = ReportText.value(.string(report.subject ?? ""))
            return report.closest.isEmpty
                ? "no match of \(rule) mentions \(subject)\(recommends)"
                : "every condition of \(rule) holds with facts mentioning \(subject), "
                    + "but it does not recommend for it\(recommends)"
        case .failed:
            return "\(rule) does not fire\(forSubject)" + (others.isEmpty ? "" : " (it recommends for \(others))")
        }
    }

    private static func failure(_ failed: FailedCondition, conditionCount: Int) -> [String] {
        let place = "\(failed.source.path):\(failed.source.line):\(failed.source.column)"
        let which = failed.index < conditionCount ? "condition \(failed.index + 1)" : "an aggregate the actions read"
        var lines = ["fails at \(which), \(place): \(failed.source.text)"]
        switch failed.reason {
        case .noFacts(let template):
            lines.append("  there is no `\(template)` fact")
        case .constraint(let constraint):
            let outcome = constraint.error.map { "fails (\($0))" } ?? "is false"
            lines.append("  `\(constraint.source.text)` \(outcome) for \(address(constraint.fact))"
                + (constraint.candidates > 1 ? " (the closest of \(constraint.candidates) facts)" : ""))
            if let cite = constraint.fact.cite { lines.append("    cite \(ReportText.value(.string(cite)))") }
            for value in constraint.values { lines.append("    \(value.name) = \(ReportText.value(value.value))") }
        case .blocked(let blockers):
            lines.append("  blocked by:")
            for blocker in blockers { lines += factLines(blocker, indent: "    ") }
        case .test(let values, let error):
            lines.append("  the test " + (error.map { "fails (\($0))" } ?? "is false"))
            for value in values { lines.append("    \(value.name) = \(ReportText.value(value.value))") }
        case .noAggregateValue(let aggregate):
            lines.append("  `\(aggregate)` has no value: no fact matches it")
        case .unexplained:
            lines.append("  the network holds no match here, yet the condition evaluates as true again")
        }
        return lines
    }

    private static func factLines(_ fact: Support, indent: String) -> [String] {
        var lines = [indent + ReportText.fact(fact)]
        if let derivation = fact.derivedBy { lines.append(indent + "  derived by `\(derivation.rule)`") }
        if let cite = fact.cite { lines.append(indent + "  cite \(ReportText.value(.string(cite)))") }
        return lines
    }

    /// `Region["Jilin"]` for a keyed fact; an unkeyed one has only its fields to name it.
    private static func address(_ fact: Support) -> String {
        guard !fact.key.isEmpty else { return ReportText.fact(fact) }
        return fact.template + "[" + fact.key.map(ReportText.value).joined(separator: ", ") + "]"
    }
}
