import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import Foundation

extension ReplSession {
    /// Commands beyond the first set; nil when the name is unknown.
    func moreCommands(_ name: String, _ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply? {
        switch name {
        case "scenario": return scenario(arguments, isCancelled: isCancelled)
        case "branch": return branch(arguments)
        case "diff": return diff()
        case "keep": return keep()
        case "discard": return discard()
        case "sweep": return sweep(arguments, isCancelled: isCancelled)
        case "why": return why(arguments)
        case "save": return save(arguments)
        case "agenda": return agenda()
        case "whynot": return whyNot(arguments)
        case "test": return test(arguments, isCancelled: isCancelled)
        default: return nil
        }
    }

    /// The scenarios of the files, without the session's own change script.
    var scenarios: [ScenarioDeclaration] {
        live.model.scenarios.filter { $0.name.name != ChangeScript.scenarioName }
    }

    // MARK: - Branches

    func scenario(_ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let name = arguments.trimmingWhitespace()
        guard !name.isEmpty else { return listScenarios() }
        if let branch = state.branch {
            return .error("error: already in branch `\(branch.name)`\nnote: end it with :keep or :discard first")
        }
        guard let chain = live.model.scenarioChain(name), let scenario = chain.last, name != ChangeScript.scenarioName else {
            var message = "error: no scenario `\(name)`\n"
            if let suggestion = NameSuggestion.best(for: name, among: scenarios.map(\.name.name)) {
                message += "note: did you mean `\(suggestion)`?\n"
            }
            message += scenarios.isEmpty ? "note: the session defines no scenarios\n" : "note: :scenario lists them\n"
            return .error(message)
        }
        let changes = chain.flatMap(\.changes)
        let blocks = changes.map { TypedText(name: "scenario \(name)", text: $0.span.text) }
        let engine = live.engine
        let baseline = engine.recommendations()
        let start = engine.checkpoint()
        _ = live.printer.take()
        do {
            for change in changes {
                try engine.apply([change])
                try engine.run(isCancelled: isCancelled)
            }
        } catch {
            let firing = engine.ruleFiringAtError
            try? engine.rollback(to: start)
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: nil, firing: firing)
        }
        undoStack.append((state, ":scenario \(name)"))
        state.branch = SessionState.BranchState(name: name, startBlocks: state.changeBlocks.count)
        state.changeBlocks += blocks
        live.branchStart = start
        live.branchBaseline = baseline
        var out = "entered branch \(style.bold(name))"
        if let title = scenario.title?.value { out += ": " + title }
        out += "\n" + printedLines(live.printer.take())
        out += changeSummary(before: baseline, after: engine.recommendations())
        out += style.dim("(:diff compares, :keep keeps, :discard drops the branch)") + "\n"
        return ReplReply(output: out)
    }

    func branch(_ arguments: String) -> ReplReply {
        let name = arguments.trimmingWhitespace()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            return .error("error: :branch needs a name (letters, digits, `_`, `-`)\nexample: :branch try_jilin")
        }
        if let branch = state.branch {
            return .error("error: already in branch `\(branch.name)`\nnote: end it with :keep or :discard first")
        }
        undoStack.append((state, ":branch \(name)"))
        live.branchBaseline = live.engine.recommendations()
        live.branchStart = live.engine.checkpoint()
        state.branch = SessionState.BranchState(name: name, startBlocks: state.changeBlocks.count)
        return ReplReply(output: "entered branch \(style.bold(name)) (:diff compares, :keep keeps, :discard drops the branch)\n")
    }

    func listScenarios() -> ReplReply {
        let scenarios = self.scenarios
        var out = ""
        if scenarios.isEmpty {
            out = "No scenarios. Define one with `scenario NAME { ... }`, or try changes in :branch NAME.\n"
        } else {
            let width = scenarios.map { $0.name.name.count }.max() ?? 0
            for scenario in scenarios {
                let active = state.branch?.name == scenario.name.name
                var line = (active ? "* " : "  ") + style.bold(ReplText.pad(scenario.name.name, width))
                if let title = scenario.title?.value { line += "  " + title }
                if let parent = scenario.parent { line += style.dim(" (extends \(parent.name))") }
                out += line + "\n"
            }
        }
        if let branch = state.branch {
            out += "active branch: \(branch.name)\n"
        } else {
            out += "no branch is active (:scenario NAME enters one)\n"
        }
        return ReplReply(output: out)
    }

    func diff() -> ReplReply {
        guard let branch = state.branch else { return .error("error: not in a branch\nnote: :scenario NAME or :branch NAME enters one") }
        let after = live.engine.recommendations()
        let diff = ListDiff(before: live.branchBaseline, after: after)
        var out = style.bold("Branch \(branch.name)") + " against where it started: "
        out += "\(live.branchBaseline.count) then, \(after.count) now"
        out += diff.isEmpty ? "\n" : ": \(diff.tally)\n"
        out += diff.isEmpty ? "No change: the branch adds, removes and rescores no recommendation.\n" : diff.render(style: style)
        return ReplReply(output: out)
    }

    func keep() -> ReplReply {
        guard let branch = state.branch, let start = live.branchStart else { return .error("error: not in a branch") }
        live.engine.release(start)
        undoStack.append((state, ":keep \(branch.name)"))
        let kept = state.changeBlocks.count - branch.startBlocks
        state.branch = nil
        live.branchStart = nil
        return ReplReply(output: "kept branch \(branch.name): \(ReplText.plural(kept, "change")) now part of the session\n")
    }

    func discard() -> ReplReply {
        guard let branch = state.branch, let start = live.branchStart else { return .error("error: not in a branch") }
        let before = live.engine.recommendations()
        do {
            try live.engine.rollback(to: start)
        } catch {
            return .error("error: " + EngineFailure.message(for: error))
        }
        undoStack.append((state, ":discard \(branch.name)"))
        state.changeBlocks.removeLast(state.changeBlocks.count - branch.startBlocks)
        state.branch = nil
        live.branchStart = nil
        return ReplReply(output: "discarded branch \(branch.name)\n" + changeSummary(before: before, after: live.engine.recommendations()))
    }

    // MARK: - :sweep

    func sweep(_ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let words = ReplSession.splitArguments(arguments)
        guard words.count == 4 else {
            return .error("error: :sweep needs REF FROM TO STEP\nexample: :sweep Region[\"Jilin\"].trade_busd 0 20 1")
        }
        let target: SweepTarget
        let values: [Value]
        do throws(InputError) {
            let reference = try FieldReference.parse(words[0])
            target = try SweepTarget.resolve(reference, in: live.model)
            values = try SweepValues.range(from: words[1], to: words[2], step: words[3], field: target.field)
            _ = try target.factID(in: live.engine)
        } catch {
            return .error(error.rendered)
        }
        let engine = live.engine
        let start = engine.checkpoint()
        _ = live.printer.take()
        let outcome: SweepOutcome
        do {
            outcome = try SweepRunner.run(target, values: values, on: engine, scenario: state.branch?.name, isCancelled: isCancelled)
        } catch {
            let firing = engine.ruleFiringAtError
            try? engine.rollback(to: start)
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: nil, firing: firing)
        }
        try? engine.rollback(to: start)
        _ = live.printer.take()
        return ReplReply(output: SweepReport(useColor: useColor).render(outcome, sources: sources)
                         + style.dim("(the session is as it was)") + "\n")
    }

    /// Splits on blanks outside quotes and brackets: `Region["Primorsky Krai"].ports 0 5 1`.
    static func splitArguments(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                current.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true; current.append(character)
            case "[", "(", "{": depth += 1; current.append(character)
            case "]", ")", "}": depth -= 1; current.append(character)
            case _ where character.isWhitespace && depth <= 0:
                if !current.isEmpty { words.append(current) }
                current = ""
            default: current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func sameRanking(_ lhs: [RecommendationResult], _ rhs: [RecommendationResult]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { left, right in
            left.rule == right.rule && left.subject == right.subject && left.text == right.text && left.score == right.score
        }
    }

    // MARK: - :test

    /// The session's policy tests, each from the session as it stands (changes and the
    /// open branch included) and rolled back after it.
    func test(_ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let filter = ReplSession.unquoted(arguments)
        let tests = PolicyTestRunner.select(live.model.tests, filter: filter)
        let report = PolicyTestReport(useColor: useColor)
        guard !tests.isEmpty else { return ReplReply(output: report.render([], filter: filter)) }
        var engine = live.engine
        let start = engine.checkpoint()
        _ = live.printer.take()
        let results: [PolicyTestResult]
        do {
            results = try PolicyTestRunner(program: live.model, isCancelled: isCancelled).run(tests, on: &engine)
        } catch {
            if engine === live.engine { try? engine.rollback(to: start) }
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: nil)
        }
        if engine === live.engine { try? engine.rollback(to: start) }
        _ = live.printer.take()
        return ReplReply(output: report.render(results, filter: filter))
    }

    // MARK: - :agenda, :why, :whynot

    func whyNot(_ arguments: String) -> ReplReply {
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
            let report = try live.engine.whyNot(rule: rule, subject: subjectText.isEmpty ? nil : subjectText)
            return ReplReply(output: WhyNotText.render(report))
        } catch {
            return .error("error: " + EngineFailure.message(for: error))
        }
    }

    func agenda() -> ReplReply {
        let pending = live.engine.pendingActivations()
        guard !pending.isEmpty else { return ReplReply(output: "The agenda is empty: the engine has run to quiescence.\n") }
        var out = style.bold("\(ReplText.plural(pending.count, "activation")) waiting, in firing order") + "\n"
        for (index, activation) in pending.enumerated() {
            out += "\(index + 1)  " + style.rule(activation.rule) + style.dim(" (salience \(activation.salience))") + "\n"
            for fact in activation.facts {
                out += "     " + ReplText.fact(fact) + "\n"
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
}
