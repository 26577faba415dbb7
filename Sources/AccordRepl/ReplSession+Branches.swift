import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling

/// Branches: `:scenario`, `:branch`, `:diff`, `:keep`, `:discard`. A branch is a checkpoint on the live
/// engine plus the change blocks typed after it, so a rebuild can open it again.
extension ReplSession {
    /// The scenarios of the files, without the session's own change script.
    var scenarios: [ScenarioDeclaration] {
        live.model.scenarios.filter { $0.name.name != ChangeScript.scenarioName }
    }

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
        if kept == 0 { return ReplReply(output: "kept branch \(branch.name): it made no changes\n") }
        return ReplReply(output: "kept branch \(branch.name): its changes are now part of the session\n")
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
}
