import AccordSyntax
import AccordTooling

/// `:load`, `:undo` and `:reset`: the entries that replace the whole session state and rebuild the engine.
extension ReplSession {
    func load(_ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let path = ReplSession.unquoted(arguments)
        guard !path.isEmpty else { return .error("error: :load needs a path\nexample: :load Rules/ports.accord") }
        // The user named `path`, so it joins the root; what the files inside it name is checked.
        let loaded = SourceLoader().load(paths: [path], root: loadRoot(adding: [path]))
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
            var out = "loaded \(ReportText.plural(fresh.count, "file")) from \(path)\n"
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
}
