import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import Foundation

/// One `:command`: what `:help` says about it.
struct ReplCommand: Sendable {
    let name: String
    let arguments: String
    let summary: String
    let details: String
    let example: String
}

extension ReplSession {
    static let commands: [ReplCommand] = [
        ReplCommand(name: "help", arguments: "[COMMAND]", summary: "list the commands, or explain one",
                    details: "Without an argument, lists every command with a one-line summary. With one, explains it and shows an example.",
                    example: ":help sweep"),
        ReplCommand(name: "quit", arguments: "", summary: "leave the REPL (Ctrl-D on an empty line too)",
                    details: "Ends the session. Nothing is saved: use :save first to keep what you typed.",
                    example: ":quit"),
        ReplCommand(name: "load", arguments: "PATH", summary: "add a file or folder of .accord files to the session",
                    details: "Loads, checks and runs the files together with everything already in the session. If anything in them is wrong the errors are shown and nothing changes. A file already loaded is skipped.",
                    example: ":load Rules/scenarios.accord"),
        ReplCommand(name: "run", arguments: "", summary: "run the rules to quiescence and show the ranked recommendations",
                    details: "The engine runs after every entry anyway; :run fires anything still on the agenda and prints the full ranked list, which becomes the listing :why numbers.",
                    example: ":run"),
        ReplCommand(name: "recs", arguments: "", summary: "show the ranked recommendations as they stand",
                    details: "Prints the ranked list as `accord run` does (rank, score, subject, text, rule, details, cite). :why N refers to the ranks of the last list shown.",
                    example: ":recs"),
        ReplCommand(name: "facts", arguments: "[TEMPLATE]", summary: "list the facts in working memory, or those of one template",
                    details: "Each fact in the notation of the language, addressed by its key when its template has one. Facts derived by rules are marked `(derived)`.",
                    example: ":facts Region"),
        ReplCommand(name: "rules", arguments: "", summary: "list the rules with their titles and current recommendations",
                    details: "One line per rule, in declaration order: name, salience, title, and how many recommendations it makes now.",
                    example: ":rules"),
        ReplCommand(name: "agenda", arguments: "", summary: "list the activations waiting to fire",
                    details: "The matches on the agenda in the order :run would fire them, with the facts each matched. After an entry the engine has run, so the agenda is usually empty.",
                    example: ":agenda"),
        ReplCommand(name: "why", arguments: "N", summary: "explain the recommendation ranked N in the last listing",
                    details: "Shows the tree of facts that support it: each fact with its cite, and for a derived fact the rule that derived it and that rule's own supports, down to the facts of the files.",
                    example: ":why 1"),
        ReplCommand(name: "whynot", arguments: "RULE [SUBJECT]", summary: "say why a rule does not recommend (for a subject)",
                    details: "Reports the first condition of the rule that no fact satisfies, and the closest facts.",
                    example: ":whynot joint_logistics_centre Jilin"),
        ReplCommand(name: "test", arguments: "[FILTER]", summary: "run the policy tests against the session as it stands",
                    details: "Runs the `test` blocks of the session (those whose name contains FILTER, ignoring case), each from the session as it is now, with its changes and the open branch, and rolls each back. Shows ✓ or ✗ per test, a failure's evidence, and the count.",
                    example: ":test heilongjiang"),
        ReplCommand(name: "scenario", arguments: "[NAME]", summary: "list the scenarios, or enter a branch with one applied",
                    details: "Without an argument, lists the scenarios of the files with their titles and marks the active branch. With a name, opens a branch: the scenario's changes are applied one at a time on top of the session, and the prompt shows the branch. Changes typed in the branch belong to it. End it with :keep or :discard; :diff compares it with where it started.",
                    example: ":scenario heilongjiang_signs_ecommerce"),
        ReplCommand(name: "branch", arguments: "NAME", summary: "enter an empty branch to try changes in",
                    details: "Opens a branch with no scenario applied; changes typed in it can be compared with :diff, then kept with :keep or thrown away with :discard.",
                    example: ":branch try_jilin"),
        ReplCommand(name: "diff", arguments: "", summary: "compare the branch with where it started",
                    details: "Lists the recommendations the branch added (+), removed (-) and rescored (~) since it was entered.",
                    example: ":diff"),
        ReplCommand(name: "keep", arguments: "", summary: "end the branch, keeping its changes in the session",
                    details: "The branch's changes become ordinary session changes: they stay through later definitions (which rebuild the engine) and :save writes them. :undo takes them back out as one step.",
                    example: ":keep"),
        ReplCommand(name: "discard", arguments: "", summary: "end the branch and undo all its changes",
                    details: "Rolls the session back to exactly where it was when the branch was entered.",
                    example: ":discard"),
        ReplCommand(name: "sweep", arguments: "REF FROM TO STEP", summary: "vary one field over a range and show where recommendations change",
                    details: "REF is Template[key].field, as in `accord sweep --vary`. The field is set to each value in turn, the rules run, and the counts and tipping points are reported. The session is left as it was.",
                    example: ":sweep Region[\"Jilin\"].trade_with_russia_busd 0 20 1"),
        ReplCommand(name: "undo", arguments: "", summary: "undo the last accepted entry (repeat to go further back)",
                    details: "Takes back the last change, definition, :load, :keep, :scenario, :discard or :reset, and says what it undid. Undo goes back as far as the start of the session.",
                    example: ":undo"),
        ReplCommand(name: "reset", arguments: "", summary: "go back to the files as they were loaded at the start",
                    details: "Drops every typed definition, change, :load and branch. :undo brings the session back.",
                    example: ":reset"),
        ReplCommand(name: "save", arguments: "PATH", summary: "write the session's definitions and facts as an .accord file",
                    details: "Writes the loaded files' declarations and the typed definitions, with the facts as they stand now (changes applied) in place of the original facts, to one file, atomically. The file is checked before it is written; it loads on its own.",
                    example: ":save session.accord"),
        ReplCommand(name: "history", arguments: "", summary: "list this session's entries, numbered",
                    details: "Every entry typed in this session, in order, multi-line entries as typed.",
                    example: ":history"),
    ]

    static func command(named name: String) -> ReplCommand? {
        commands.first { $0.name == name }
    }

    func command(_ name: String, _ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        switch name {
        case "help": return help(arguments)
        case "quit", "q", "exit": return ReplReply(output: "", quit: true)
        case "load": return load(arguments, isCancelled: isCancelled)
        case "run": return run(isCancelled: isCancelled)
        case "recs": return recs()
        case "facts": return facts(arguments)
        case "rules": return rules()
        case "history": return showHistory()
        case "undo": return undo(isCancelled: isCancelled)
        case "reset": return reset(isCancelled: isCancelled)
        default:
            if let extra = moreCommands(name, arguments, isCancelled: isCancelled) { return extra }
            var message = name.isEmpty ? "error: a command name must follow `:`\n" : "error: unknown command `:\(name)`\n"
            let names = ReplSession.commands.map(\.name)
            if !name.isEmpty, let suggestion = NameSuggestion.best(for: name, among: names) {
                message += "note: did you mean `:\(suggestion)`?\n"
            }
            message += "note: :help lists the commands\n"
            return .error(message)
        }
    }

    var style: ReplStyle { ReplStyle(isEnabled: useColor) }

    // MARK: - :help, :history

    func help(_ arguments: String) -> ReplReply {
        let wanted = arguments.hasPrefix(":") ? String(arguments.dropFirst()) : arguments
        if wanted.isEmpty {
            var out = style.bold("Commands") + "\n"
            let shown = ReplSession.commands
            let width = shown.map { usage($0).count }.max() ?? 0
            for command in shown {
                out += "  " + ReplText.pad(usage(command), width) + "  " + command.summary + "\n"
            }
            out += "  " + ReplText.pad("whatif { CHANGES }", width) + "  show what changes would do, without keeping them\n"
            out += "  " + ReplText.pad("whatif SCENARIO", width) + "  the same for a scenario of the files\n"
            out += "\nType definitions (template, facts, rule, scenario, test) and changes (assert, modify, retract)\n"
            out += "as in a file. An entry continues while braces, brackets, parentheses or a string are open.\n"
            out += ":help COMMAND explains one command.\n"
            return ReplReply(output: out)
        }
        if wanted == "whatif" {
            return ReplReply(output: """
                whatif { CHANGES }
                whatif SCENARIO
                  Applies the changes (assert, modify, retract), or a scenario's (its parents' first), on top of
                  the session one at a time, runs the rules after each, shows the recommendations added (+),
                  removed (-) and rescored (~), then undoes them all: the session is left as it was.
                  example: whatif { modify Region["Jilin"] { trade_with_russia_busd: 20 } }

                """)
        }
        guard let command = ReplSession.command(named: wanted) else {
            var message = "error: no command `:\(wanted)`\n"
            if let suggestion = NameSuggestion.best(for: wanted, among: ReplSession.commands.map(\.name)) {
                message += "note: did you mean `:\(suggestion)`?\n"
            }
            return .error(message)
        }
        var out = style.bold(usage(command)) + "\n"
        out += "  " + command.summary + "\n"
        out += "  " + command.details + "\n"
        out += "  example: " + command.example + "\n"
        return ReplReply(output: out)
    }

    func usage(_ command: ReplCommand) -> String {
        command.arguments.isEmpty ? ":" + command.name : ":" + command.name + " " + command.arguments
    }

    func showHistory() -> ReplReply {
        guard !history.isEmpty else { return ReplReply(output: "No entries yet.\n") }
        let width = String(history.count).count
        var out = ""
        for (index, entry) in history.enumerated() {
            let number = String(index + 1)
            let margin = String(repeating: " ", count: width - number.count) + number + "  "
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            for (lineIndex, line) in lines.enumerated() {
                out += (lineIndex == 0 ? margin : String(repeating: " ", count: margin.count)) + line + "\n"
            }
        }
        return ReplReply(output: out)
    }

    // MARK: - :load, :undo, :reset

    func load(_ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let path = ReplSession.unquoted(arguments)
        guard !path.isEmpty else { return .error("error: :load needs a path\nexample: :load Rules/ports.accord") }
        let loaded = SourceLoader().load(paths: [path])
        if loaded.diagnostics.hasErrors {
            return ReplReply(diagnostics: render(loaded.diagnostics) + "nothing changed\n")
        }
        let known = Set(state.loadedUnits.map { ReplSession.canonical($0.file.path) })
        let fresh = loaded.program.units.filter { !known.contains(ReplSession.canonical($0.file.path)) }
        guard !fresh.isEmpty else {
            return ReplReply(output: loaded.program.units.isEmpty ? "No .accord files in `\(path)`.\n" : "Already loaded: `\(path)`.\n")
        }
        var candidate = state
        candidate.paths.append(path)
        candidate.loadedUnits += fresh
        switch build(candidate, isCancelled: isCancelled) {
        case .failure(let diagnostics, let message):
            if diagnostics.isEmpty, message == nil { return .error("interrupted: nothing changed") }
            return ReplReply(diagnostics: render(diagnostics) + (message.map { "error: \($0)\n" } ?? "") + "nothing changed\n")
        case .success(let built, let warnings):
            let before = live.engine.recommendations()
            accept(candidate, built, undo: ":load \(path)")
            let files = Set(fresh.map { $0.file.path })
            var out = "loaded \(ReplText.plural(fresh.count, "file")) from \(path)\n"
            out += printedLines(built.printer.take())
            out += changeSummary(before: before, after: live.engine.recommendations())
            return ReplReply(output: out, diagnostics: render(warnings.filter { files.contains($0.span.file.path) }))
        }
    }

    func undo(isCancelled: @escaping () -> Bool) -> ReplReply {
        guard let last = undoStack.last else { return ReplReply(output: "Nothing to undo.\n") }
        switch build(last.state, isCancelled: isCancelled) {
        case .failure(let diagnostics, let message):
            if diagnostics.isEmpty, message == nil { return .error("interrupted: nothing changed") }
            return ReplReply(diagnostics: render(diagnostics) + (message.map { "error: \($0)\n" } ?? "") + "cannot undo\n")
        case .success(let built, _):
            let before = live.engine.recommendations()
            undoStack.removeLast()
            state = last.state
            live = built
            _ = built.printer.take()
            return ReplReply(output: "undid " + last.what + "\n" + changeSummary(before: before, after: live.engine.recommendations()))
        }
    }

    func reset(isCancelled: @escaping () -> Bool) -> ReplReply {
        switch build(initialState, isCancelled: isCancelled) {
        case .failure(let diagnostics, let message):
            if diagnostics.isEmpty, message == nil { return .error("interrupted: nothing changed") }
            return ReplReply(diagnostics: render(diagnostics) + (message.map { "error: \($0)\n" } ?? "") + "cannot reset\n")
        case .success(let built, _):
            let before = live.engine.recommendations()
            accept(initialState, built, undo: ":reset")
            _ = built.printer.take()
            return ReplReply(output: "reset to the files as loaded (:undo brings the session back)\n"
                             + changeSummary(before: before, after: live.engine.recommendations()))
        }
    }

    // MARK: - :run, :recs, :facts, :rules

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
        return ReplReply(output: style.bold("\(ReplText.plural(rules.count, "rule")) (name, recommendations now, title)") + "\n" + out)
    }

    // MARK: - whatif

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
        out += "\(ReplText.plural(before.count, "recommendation")) now, \(after.count) with the changes"
        out += diff.isEmpty ? "\n" : ": \(diff.tally)\n"
        out += diff.isEmpty ? "No change: the changes add, remove and rescore no recommendation.\n" : diff.render(style: style)
        out += style.dim("(not kept: the session is as it was)") + "\n"
        return ReplReply(output: out)
    }

    // MARK: - Shared wording

    func loadSummary() -> String {
        let stats = live.engine.statistics
        var out = "Loaded \(sources.joined(separator: ", ")): \(ReplText.plural(stats.rules, "rule")), "
        out += "\(ReplText.plural(stats.facts, "fact")), \(ReplText.plural(stats.recommendations, "recommendation"))"
        out += ". Type :help for the commands.\n"
        return out
    }

    /// After an entry: how the recommendations moved, in a line and the diff's rows.
    func changeSummary(before: [RecommendationResult], after: [RecommendationResult]) -> String {
        let diff = ListDiff(before: before, after: after)
        if diff.isEmpty { return style.dim("\(ReplText.plural(after.count, "recommendation")), none changed") + "\n" }
        return "\(ReplText.plural(after.count, "recommendation")): \(diff.tally)\n" + diff.render(style: style)
    }

    static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        if trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
