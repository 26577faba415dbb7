import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling

/// `whatif { ... }`, `whatif SCENARIO` and `:sweep`: changes tried inside a checkpoint, reported, rolled back.
extension ReplSession {
    func whatIf(_ body: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        var text = body
        if !body.isEmpty, body.allSatisfy(ReplSession.isWordCharacter) {
            return whatIf(scenario: body, isCancelled: isCancelled)
        }
        guard text.hasPrefix("{"), text.hasSuffix("}") else {
            return .error("error: whatif needs its changes in braces, or a scenario's name\nexample: whatif { modify Region[\"Jilin\"] { trade_with_russia_busd: 20 } }")
        }
        text = String(text.dropFirst().dropLast())
        let block = TypedText(name: nextName(), text: text)
        if let error = ChangeScript.declarationError(in: block) { return ReplReply(diagnostics: render([error])) }
        let check = SessionCheck(units: state.units, blocks: state.changeBlocks + [block])
        guard check.model != nil, let changes = check.blockChanges.last else {
            return ReplReply(diagnostics: render(check.diagnostics.filter { $0.severity == .error }))
        }
        guard !changes.isEmpty else { return .error("error: whatif has no changes\nexample: whatif { retract Park[\"Tomsk\"] }") }
        return whatIf(changes, heading: "whatif: " + ReplSession.describe(changes: changes).replacingOccurrences(of: "; ", with: ", "),
                      script: check.script, isCancelled: isCancelled)
    }

    /// `whatif NAME`: a scenario of the files (its parents' changes first), not kept.
    func whatIf(scenario name: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        guard let chain = live.model.scenarioChain(name), let scenario = chain.last, name != ChangeScript.scenarioName else {
            var message = "error: no scenario `\(name)`\n"
            if let suggestion = NameSuggestion.best(for: name, among: scenarioNames) { message += "note: did you mean `\(suggestion)`?\n" }
            return .error(message + "note: whatif NAME takes a scenario's name; whatif { ... } takes changes\n")
        }
        var heading = "whatif scenario " + name
        if let title = scenario.title?.value { heading += ": " + title }
        return whatIf(chain.flatMap(\.changes), heading: heading, script: nil, isCancelled: isCancelled)
    }

    /// Applies changes one at a time with a run after each, diffs, and rolls back.
    func whatIf(_ changes: [Change], heading: String, script: ChangeScript?, isCancelled: @escaping () -> Bool) -> ReplReply {
        let engine = live.engine
        let before = engine.recommendations()
        let start = engine.checkpoint()
        _ = live.printer.take()
        var after: [RecommendationResult] = []
        do {
            for change in changes {
                try engine.apply([change])
                try engine.run(isCancelled: isCancelled)
            }
            after = engine.recommendations()
        } catch {
            let firing = engine.ruleFiringAtError
            try? engine.rollback(to: start)
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: script, firing: firing)
        }
        let printed = live.printer.take()
        do {
            try engine.rollback(to: start)
        } catch {
            return .error("error: " + EngineFailure.message(for: error))
        }
        let diff = ListDiff(before: before, after: after)
        var out = printedLines(printed)
        out += style.bold(heading) + "\n"
        out += "\(ReportText.plural(before.count, "recommendation")) now, \(after.count) with the changes"
        out += diff.isEmpty ? "\n" : ": \(diff.tally)\n"
        out += diff.isEmpty ? "No change: the changes add, remove and rescore no recommendation.\n" : diff.render(style: style)
        out += style.dim("(not kept: the session is as it was)") + "\n"
        return ReplReply(output: out)
    }

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
            // As the CLI renders it, without the program's name: the REPL is not a command line.
            let rendered = error.rendered
            return .error(rendered.hasPrefix("accord: ") ? String(rendered.dropFirst("accord: ".count)) : rendered)
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
}
