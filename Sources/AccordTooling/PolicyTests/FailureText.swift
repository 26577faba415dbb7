import AccordCheck
import AccordEngine
import AccordSyntax

/// How `PolicyTestReport` words a failed expectation: the expectation as written, then
/// `expected:` and `actual:`, then the evidence (the rule's recommendations, the nearest
/// ones, the facts there are), each list cut to a few lines.
struct FailureText {
    /// Lists of recommendations or facts longer than this end with "… and N more".
    static let listLimit = 5

    let style: TestStyle
    let useColor: Bool

    func render(_ failure: ExpectationFailure) -> String {
        var out = "    " + Self.oneLine(failure.source) + "\n"
        let negated = failure.expectation.negated
        switch failure.reason {
        case .recommendationMissing(let query, let produced, let nearest):
            out += line("expected: " + expected(query, negated: negated))
            if produced.isEmpty {
                out += line("actual: rule \(query.rule) produced no recommendations")
                if let nearest { out += self.nearest(nearest) }
            } else {
                out += line("actual: rule \(query.rule) produced \(ReportText.plural(produced.count, "recommendation")):")
                out += list(produced.map(recommendation), limit: Self.listLimit)
            }
        case .recommendationPresent(let query, let matches):
            out += line("expected: " + expected(query, negated: negated))
            out += line("actual: \(ReportText.plural(matches.count, "matching recommendation")):")
            out += list(matches.map(recommendation), limit: Self.listLimit)
        case .factMissing(let query, let total, let examples):
            out += line("expected: a fact matching \(Self.oneLine(query.pattern))")
            if total == 0 {
                out += line("actual: there are no \(query.template) facts")
            } else {
                let among = total == 1 ? "the only \(query.template) fact does not match:"
                                       : "none of the \(total) \(query.template) facts matches:"
                out += line("actual: " + among)
                out += list(examples.map { fact($0, query) }, limit: examples.count, total: total)
            }
        case .factPresent(let query, let matches):
            out += line("expected: no fact matching \(Self.oneLine(query.pattern))")
            out += line("actual: \(ReportText.plural(matches.count, "matching fact")):")
            out += list(matches.map { fact($0, query) }, limit: ExpectationEvaluator.factExamples)
        case .error(let error):
            out += render(error, indent: "      ")
        }
        return out
    }

    /// An engine error: its diagnostic (with the source line and a caret) when it has a
    /// place in the files, otherwise `error: message`; indented under the test.
    func render(_ error: PolicyTestError, indent: String) -> String {
        let text: String
        if let diagnostic = error.diagnostic {
            text = DiagnosticRenderer(useColor: useColor).render(diagnostic)
        } else {
            var plain = style.failed("error:") + " " + error.message + "\n"
            if let given = error.given { plain += "note: while applying the given at \(given.position)\n" }
            text = plain
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.isEmpty ? "\n" : indent + $0 + "\n" }.joined()
    }

    private func expected(_ query: RecommendationQuery, negated: Bool) -> String {
        var text = (negated ? "no recommendation of " : "a recommendation of ") + query.rule
        if let subject = query.subject { text += " for " + Self.quoted(subject) }
        if let score = query.score { text += " with score \(score.comparison.rawValue) \(Self.number(score.value))" }
        return text
    }

    private func nearest(_ nearest: NearestRecommendations) -> String {
        guard !nearest.recommendations.isEmpty else { return line("nearest: the run made no recommendations") }
        let heading: String
        switch nearest.kind {
        case .sameSubject(let subject): heading = "nearest: other rules' recommendations for \(Self.quoted(subject)):"
        case .topRanked: heading = "nearest: the best ranked recommendations:"
        }
        return line(heading) + list(nearest.recommendations.map { "\($0.rule) " + recommendation($0) },
                                    limit: NearestRecommendations.limit)
    }

    /// `for "Jilin", score 0.76`.
    private func recommendation(_ recommendation: RecommendationResult) -> String {
        let subject = recommendation.subject.isEmpty ? "with no subject" : "for " + Self.quoted(recommendation.subject)
        return "\(subject), score \(Self.score(recommendation.score))"
    }

    /// `Region["Jilin"] { name: "Jilin", ... }`, addressed by key like a scenario would.
    private func fact(_ fact: FactSnapshot, _ query: FactQuery) -> String {
        let key = query.key.compactMap { name in fact.fields.first { $0.name == name }?.value }
        return ReportText.fact(Support(template: fact.template, key: key, fields: fact.fields, cite: nil, derivedBy: nil))
    }

    private func line(_ text: String) -> String {
        "      " + text + "\n"
    }

    /// At most `limit` items, then how many more of `total` there are.
    private func list(_ items: [String], limit: Int, total: Int? = nil) -> String {
        var out = items.prefix(limit).map { "        " + $0 + "\n" }.joined()
        let rest = (total ?? items.count) - min(limit, items.count)
        if rest > 0 { out += "        … and \(rest) more\n" }
        return out
    }

    /// Two decimals, as `accord run` shows scores, unless that would hide a difference a
    /// bound can see (`0.725`): then up to six.
    static func score(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return abs(value * 100 - hundredths) <= ScoreBound.tolerance * 100 ? ReportText.score(value) : number(value)
    }

    /// Up to six decimals without trailing zeros (`0.9`, `0.725`, `1`).
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.description }
        let millionths = (abs(value) * 1_000_000).rounded()
        let whole = Int64(millionths) / 1_000_000
        var fraction = String(Int64(millionths) % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && millionths > 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A subject as a string literal, as the test wrote it.
    static func quoted(_ text: String) -> String {
        Value.string(text).description
    }

    /// Source text on one line: an expectation may span several.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
