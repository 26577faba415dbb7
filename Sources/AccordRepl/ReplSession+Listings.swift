import AccordCheck
import AccordEngine
import AccordTooling

/// What the session shows without changing it: `:run`, `:recs`, `:facts`, `:rules`, `:agenda`, `:why`, `:whynot`.
extension ReplSession {
    var sources: [String] {
        var sources = state.paths
        if !state.definitions.isEmpty || !state.changeBlocks.isEmpty { sources.append("session") }
        return sources.isEmpty ? ["empty session"] : sources
    }

    func run(isCancelled: @escaping () -> Bool) -> ReplReply {
        let engine = live.engine
        let start = engine.checkpoint()
        _ = live.printer.take()
        do {
            try engine.run(isCancelled: isCancelled)
        } catch {
            let firing = engine.ruleFiringAtError
            try? engine.rollback(to: start)
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: nil, firing: firing)
        }
        engine.release(start)
        return ReplReply(output: printedLines(live.printer.take()) + listing())
    }

    func recs() -> ReplReply {
        ReplReply(output: listing())
    }

    /// The ranked list as `accord run` prints it; it becomes the listing `:why` numbers.
    func listing() -> String {
        let recommendations = live.engine.recommendations()
        lastListing = recommendations
        let result = RunResult(recommendations: recommendations, statistics: live.engine.statistics, sources: sources,
                               scenario: state.branch?.name)
        return TextReport(explain: false, useColor: useColor).render(result)
    }

    func facts(_ arguments: String) -> ReplReply {
        let name = arguments.trimmingWhitespace()
        if !name.isEmpty, live.model.template(named: name) == nil {
            var message = "error: no template `\(name)`\n"
            if let suggestion = NameSuggestion.best(for: name, among: live.model.templates.map(\.name)) {
                message += "note: did you mean `\(suggestion)`?\n"
            }
            return .error(message)
        }
        // Given facts in the order they were made, derived ones after them by content:
        // a derivation's identity is not kept when a checkpoint is rolled back.
        let facts = live.engine.facts(of: name.isEmpty ? nil : name).filter { $0.template != "Recommendation" }
            .map { (fact: $0, text: describe($0)) }
            .sorted { lhs, rhs in
                if lhs.fact.isLogical != rhs.fact.isLogical { return !lhs.fact.isLogical }
                return lhs.fact.isLogical ? lhs.text < rhs.text : lhs.fact.id < rhs.fact.id
            }
            .map(\.fact)
        guard !facts.isEmpty else {
            return ReplReply(output: name.isEmpty ? "No facts.\n" : "No `\(name)` facts.\n")
        }
        var out = ""
        var byTemplate: [String: [FactSnapshot]] = [:]
        var order: [String] = []
        for fact in facts {
            if byTemplate[fact.template] == nil { order.append(fact.template) }
            byTemplate[fact.template, default: []].append(fact)
        }
        for template in order {
            let group = byTemplate[template] ?? []
            out += style.bold("\(template) (\(group.count))") + "\n"
            for fact in group {
                out += "  " + describe(fact) + (fact.isLogical ? style.dim("  (derived)") : "") + "\n"
                if let cite = fact.cite { out += "    " + style.dim("cite: " + cite) + "\n" }
            }
        }
        return ReplReply(output: out)
    }

    /// `Region["Jilin"] { name: "Jilin", country: "CN" }`.
    func describe(_ fact: FactSnapshot) -> String {
        let template = live.model.template(named: fact.template)
        var address = fact.template
        if let template, template.isKeyed {
            let key = template.key.compactMap { name in fact.fields.first { $0.name == name }?.value.description }
            address += "[" + key.joined(separator: ", ") + "]"
        }
        let fields = fact.fields.map { "\($0.name): \($0.value.description)" }.joined(separator: ", ")
        return fields.isEmpty ? address : address + " { " + fields + " }"
    }

    func rules() -> ReplReply {
        let rules = live.model.rules
        guard !rules.isEmpty else { return ReplReply(output: "No rules.\n") }
        var counts: [String: Int] = [:]
        for recommendation in live.engine.recommendations() { counts[recommendation.rule, default: 0] += 1 }
        let width = rules.map { $0.name.name.count }.max() ?? 0
        var out = ""
        for rule in rules {
            let count = counts[rule.name.name] ?? 0
            var line = "  " + style.rule(ReplText.pad(rule.name.name, width))
            line += "  " + ReplText.pad(count == 0 ? "-" : String(count), 3)
            if let title = rule.title { line += "  " + title.value }
            out += line + "\n"
        }
        return ReplReply(output: style.bold("\(ReportText.plural(rules.count, "rule")) (name, recommendations now, title)") + "\n" + out)
    }

    func agenda() -> ReplReply {
        let pending = live.engine.pendingActivations()
        guard !pending.isEmpty else { return ReplReply(output: "The agenda is empty: the engine has run to quiescence.\n") }
        var out = style.bold("\(ReportText.plural(pending.count, "activation")) waiting, in firing order") + "\n"
        for (index, activation) in pending.enumerated() {
            out += "\(index + 1)  " + style.rule(activation.rule) + style.dim(" (salience \(activation.salience))") + "\n"
            for fact in activation.facts {
                out += "     " + ReportText.fact(fact) + "\n"
            }
        }
        return ReplReply(output: out)
    }

    func why(_ arguments: String) -> ReplReply {
        let text = arguments.trimmingWhitespace()
        if lastListing.isEmpty { lastListing = live.engine.recommendations() }
        guard let rank = Int(text) else {
            return .error("error: :why needs the rank of a recommendation in the last listing\nexample: :why 1")
        }
        guard let recommendation = lastListing.first(where: { $0.rank == rank }) else {
            let range = lastListing.isEmpty ? "there are no recommendations" : "the last listing has ranks 1 to \(lastListing.count)"
            return .error("error: no recommendation ranked \(rank)\nnote: \(range)")
        }
        let result = RunResult(recommendations: [recommendation], statistics: live.engine.statistics, sources: sources,
                               scenario: state.branch?.name)
        let report = TextReport(explain: true, useColor: useColor).render(result)
        // The report's summary line and the blank line after it say nothing about one recommendation.
        var body = report.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        let now = live.engine.recommendations()
        if !ReplSession.sameRanking(now, lastListing) {
            body += style.dim("(from the last listing; the recommendations have changed since: :recs shows them now)") + "\n"
        }
        return ReplReply(output: body)
    }

    static func sameRanking(_ lhs: [RecommendationResult], _ rhs: [RecommendationResult]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { left, right in
            left.rule == right.rule && left.subject == right.subject && left.text == right.text && left.score == right.score
        }
    }

    func whyNot(_ arguments: String, isCancelled: @escaping () -> Bool = { false }) -> ReplReply {
        let text = arguments.trimmingWhitespace()
        let rule = String(text.prefix { !$0.isWhitespace })
        guard !rule.isEmpty else {
            return .error("error: :whynot needs a rule name\nexample: :whynot port_freight Heilongjiang")
        }
        let subjectText = ReplSession.unquoted(String(text.dropFirst(rule.count)))
        guard ruleNames.contains(rule) else {
            var message = "error: no rule `\(rule)`\n"
            if let suggestion = NameSuggestion.best(for: rule, among: ruleNames) { message += "note: did you mean `\(suggestion)`?\n" }
            return .error(message)
        }
        do {
            // Suggested changes are verified in checkpoints on the live engine and rolled back.
            let report = try live.engine.whyNot(rule: rule, subject: subjectText.isEmpty ? nil : subjectText,
                                                suggestingChanges: true, isCancelled: isCancelled)
            return ReplReply(output: WhyNotText.render(report))
        } catch {
            return .error("error: " + EngineFailure.message(for: error))
        }
    }
}
