import AccordCheck
import AccordEngine
import AccordTooling
import Foundation

/// The `:command` dispatch, `:help`, `:history`, and the wording several commands share.
extension ReplSession {
    /// Runs `:NAME ARGUMENTS`.
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
        case "scenario": return scenario(arguments, isCancelled: isCancelled)
        case "branch": return branch(arguments)
        case "diff": return diff()
        case "keep": return keep()
        case "discard": return discard()
        case "sweep": return sweep(arguments, isCancelled: isCancelled)
        case "why": return why(arguments)
        case "save": return save(arguments)
        case "agenda": return agenda()
        case "whynot": return whyNot(arguments, isCancelled: isCancelled)
        case "test": return test(arguments, isCancelled: isCancelled)
        default:
            var message = name.isEmpty ? "error: a command name must follow `:`\n" : "error: unknown command `:\(name)`\n"
            let names = ReplSession.commands.map(\.name)
            if !name.isEmpty, let suggestion = NameSuggestion.best(for: name, among: names) {
                message += "note: did you mean `:\(suggestion)`?\n"
            }
            message += "note: :help lists the commands\n"
            return .error(message)
        }
    }

    var style: TerminalStyle { TerminalStyle(isEnabled: useColor) }

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

    func loadSummary() -> String {
        let stats = live.engine.statistics
        var out = "Loaded \(sources.joined(separator: ", ")): \(ReportText.plural(stats.rules, "rule")), "
        out += "\(ReportText.plural(stats.facts, "fact")), \(ReportText.plural(stats.recommendations, "recommendation"))"
        out += ". Type :help for the commands.\n"
        return out
    }

    /// After an entry: how the recommendations moved, in a line and the diff's rows.
    func changeSummary(before: [RecommendationResult], after: [RecommendationResult]) -> String {
        let diff = ListDiff(before: before, after: after)
        if diff.isEmpty { return style.dim("\(ReportText.plural(after.count, "recommendation")), none changed") + "\n" }
        return "\(ReportText.plural(after.count, "recommendation")): \(diff.tally)\n" + diff.render(style: style)
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
