import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import Foundation

/// A REPL session without a terminal: an entry in, a reply out. It holds the loaded
/// files, what was typed, and a live engine that has run to quiescence; every entry
/// either succeeds completely or leaves the session exactly as it was.
///
///     let session = ReplSession(paths: ["Rules"])
///     let reply = session.handle(#"modify Region["Jilin"] { trade_with_russia_busd: 20 }"#, isCancelled: { false })
///
/// Definitions (`template`, `facts`, `rule`, `scenario`, `test`) re-check the whole
/// session and rebuild the engine; changes (`assert`, `modify`, `retract`) go to the
/// live engine inside a checkpoint. Nothing here prints or reads a terminal.
public final class ReplSession {
    let useColor: Bool
    /// `--allow-path`: besides the paths loaded, where files may import from and read CSV.
    let allowedPaths: [String]
    /// `--max-facts`: for the files loaded, and for the engine's working memory.
    let maxFacts: Int
    var state = SessionState()
    /// The state right after the startup load, for `:reset`.
    var initialState = SessionState()
    var live: Live
    var undoStack: [(state: SessionState, what: String)] = []
    var history: [String] = []
    /// The ranked list `:recs`, `:run` or a change showed last: what `:why N` numbers.
    var lastListing: [RecommendationResult] = []
    var entryCount = 0
    public private(set) var startupReply = ReplReply()

    /// The engine built from a state, and where the open branch started.
    struct Live {
        let model: CheckedProgram
        let engine: Engine
        var branchStart: Checkpoint?
        var branchBaseline: [RecommendationResult]
        /// What the rules' `print` actions wrote since it was last emptied.
        let printer: PrintBuffer
    }

    /// Loads PATHS (may be empty), checks and runs them. Problems are in `startupReply`;
    /// a broken load leaves an empty but usable session. Paths inside the files must stay
    /// inside the load root: the paths loaded (here and by `:load`) and `allowing`.
    public init(paths: [String], allowing allowedPaths: [String] = [], useColor: Bool = false,
                maxFacts: Int = Engine.defaultMaxFacts) {
        self.useColor = useColor
        self.allowedPaths = allowedPaths
        self.maxFacts = maxFacts
        live = ReplSession.emptyLive()
        guard !paths.isEmpty else {
            startupReply = ReplReply(output: "Empty session. Type :help for the commands.\n")
            return
        }
        var candidate = SessionState()
        let loaded = LoadLimits.$current.withValue(LoadLimits(maxFacts: maxFacts)) {
            SourceLoader().load(paths: paths, root: loadRoot(adding: paths))
        }
        candidate.paths = paths
        candidate.loadedUnits = loaded.program.units
        if loaded.diagnostics.hasErrors {
            startupReply = ReplReply(
                output: "Nothing loaded: the files have errors. The session is empty; fix them and :load again.\n",
                diagnostics: render(loaded.diagnostics))
            return
        }
        let built = LoadLimits.$current.withValue(LoadLimits(maxFacts: maxFacts)) { build(candidate, isCancelled: { false }) }
        switch built {
        case .success(let built, let warnings):
            state = candidate
            live = built
            startupReply = ReplReply(output: loadSummary(), diagnostics: render(loaded.diagnostics + warnings))
        case .failure(let diagnostics, let message):
            startupReply = ReplReply(
                output: "Nothing loaded: the files have errors. The session is empty; fix them and :load again.\n",
                diagnostics: render(loaded.diagnostics + diagnostics) + (message.map { "error: \($0)\n" } ?? ""))
        }
        initialState = state
    }

    public var prompt: String {
        if let branch = state.branch { return "accord(\(branch.name))> " }
        return "accord> "
    }

    public var continuationPrompt: String {
        let width = prompt.count
        return String(repeating: " ", count: max(0, width - 5)) + "...> "
    }

    /// False while braces, brackets, parentheses or a string are open (then the reader asks for another line).
    public func isComplete(_ pending: String) -> Bool {
        ReplInput.isComplete(pending)
    }

    /// One entry (possibly several lines). `isCancelled` is polled between rule firings
    /// (Ctrl-C), and while files load and facts go in (`LoadLimits`).
    public func handle(_ entry: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        // The session lives on one thread; the closure is only called from it.
        nonisolated(unsafe) let cancelled = isCancelled
        let limits = LoadLimits(maxFacts: maxFacts, isCancelled: { cancelled() })
        return LoadLimits.$current.withValue(limits) { dispatch(entry, isCancelled: isCancelled) }
    }

    private func dispatch(_ entry: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let kind = ReplInput.classify(entry)
        if kind == .empty { return ReplReply() }
        history.append(entry.trimmingWhitespace())
        entryCount += 1
        switch kind {
        case .empty:
            return ReplReply()
        case .command(let name, let arguments):
            return command(name, arguments, isCancelled: isCancelled)
        case .definition:
            return define(entry, isCancelled: isCancelled)
        case .change:
            return change(entry, isCancelled: isCancelled)
        case .whatIf(let body):
            return whatIf(body, isCancelled: isCancelled)
        case .other(let word):
            return notAStatement(entry, word: word)
        }
    }

    // MARK: - Building

    enum Built {
        case success(Live, warnings: [Diagnostic])
        case failure([Diagnostic], message: String?)
    }

    static func emptyLive() -> Live {
        let model = Checker().check(Program(units: [])).model
        do {
            let engine = try Engine(program: model)
            return Live(model: model, engine: engine, branchStart: nil, branchBaseline: [], printer: PrintBuffer())
        } catch {
            preconditionFailure("a program without rules or facts has nothing to fail on: \(error)")
        }
    }

    /// Checks a whole state and builds its engine: the program's facts, a run, then each
    /// change block applied and run in order (the branch's inside a checkpoint). Nothing
    /// of the current session is touched, so a failure just drops the new engine.
    func build(_ candidate: SessionState, isCancelled: @escaping () -> Bool) -> Built {
        let check = SessionCheck(units: candidate.units, blocks: candidate.changeBlocks)
        guard let model = check.model else { return .failure(check.diagnostics.filter { $0.severity == .error }, message: nil) }
        let printer = PrintBuffer()
        let engine: Engine
        do {
            engine = try Engine(program: model, print: { printer.lines.append($0) }, maxFacts: maxFacts)
        } catch {
            return .failure(engineDiagnostics(error, model: model, script: check.script), message: nil)
        }
        var branchStart: Checkpoint?
        var baseline: [RecommendationResult] = []
        do {
            try engine.run(isCancelled: isCancelled)
            for (index, changes) in check.blockChanges.enumerated() {
                if let branch = candidate.branch, index == branch.startBlocks {
                    baseline = engine.recommendations()
                    branchStart = engine.checkpoint()
                }
                try engine.apply(changes)
                try engine.run(isCancelled: isCancelled)
            }
            if let branch = candidate.branch, branch.startBlocks >= check.blockChanges.count {
                baseline = engine.recommendations()
                branchStart = engine.checkpoint()
            }
        } catch {
            return .failure(engineDiagnostics(error, model: model, script: check.script, firing: engine.ruleFiringAtError),
                            message: nil)
        }
        return .success(Live(model: model, engine: engine, branchStart: branchStart, branchBaseline: baseline,
                             printer: printer),
                        warnings: check.diagnostics.filter { $0.severity != .error })
    }

    /// Puts a built state in place, remembering the one before for `:undo`.
    func accept(_ candidate: SessionState, _ built: Live, undo what: String) {
        undoStack.append((state, what))
        state = candidate
        live = built
    }

    /// Engine errors as diagnostics in the session's own files and entries.
    func engineDiagnostics(_ error: EngineError, model: CheckedProgram, script: ChangeScript?, firing: String? = nil) -> [Diagnostic] {
        if case .cancelled = error { return [] }
        guard let diagnostic = EngineFailure.diagnostic(for: error, in: model, firing: firing) else { return [] }
        return [script.map { $0.relocated(diagnostic) } ?? diagnostic]
    }

    func engineFailure(_ error: EngineError, model: CheckedProgram, script: ChangeScript?, firing: String? = nil) -> ReplReply {
        if case .cancelled = error {
            return .error("interrupted: nothing changed")
        }
        let diagnostics = engineDiagnostics(error, model: model, script: script, firing: firing)
        if diagnostics.isEmpty {
            return .error("error: " + EngineFailure.message(for: error) + "\nnothing changed")
        }
        return ReplReply(diagnostics: render(diagnostics) + "nothing changed\n")
    }

    /// The paths loaded so far and `paths`, with `--allow-path`: what files may name.
    /// Text typed at the prompt is the user's own, so what it names joins the root (`SourceLoader.load(text:)`).
    func loadRoot(adding paths: [String] = []) -> LoadRoot {
        LoadRoot(arguments: state.paths + paths, allowing: allowedPaths)
    }

    func render(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticRenderer(useColor: useColor).render(diagnostics)
    }

    func nextName() -> String {
        "<repl \(entryCount)>"
    }

    // MARK: - Definitions and changes

    func define(_ text: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let name = nextName()
        let loaded = SourceLoader().load(text: text, path: name, root: loadRoot())
        if loaded.diagnostics.hasErrors {
            return ReplReply(diagnostics: render(loaded.diagnostics) + "nothing changed\n")
        }
        // A typed `import` of a file the session has already is not loaded twice.
        let known = Set(state.units.map { ReplSession.canonical($0.file.path) })
        let units = loaded.program.units.filter { $0.file.path == name || !known.contains(ReplSession.canonical($0.file.path)) }
        var candidate = state
        // A name typed again replaces what was typed before under it (a file's declarations
        // stay: redefining one of those is the checker's duplicate error).
        let replaced = candidate.removeTypedDeclarations(named: units.flatMap(\.declarations))
        candidate.definitions.append(TypedText(name: name, text: text))
        candidate.definitionUnits.append(units)
        switch build(candidate, isCancelled: isCancelled) {
        case .failure(let diagnostics, let message):
            if diagnostics.isEmpty, message == nil { return .error("interrupted: nothing changed") }
            return ReplReply(diagnostics: render(diagnostics) + (message.map { "error: \($0)\n" } ?? "") + "nothing changed\n")
        case .success(let built, let warnings):
            let before = live.engine.recommendations()
            let what = ReplSession.describe(units.flatMap(\.declarations))
            accept(candidate, built, undo: "definition " + what)
            let ownWarnings = warnings.filter { $0.span.file.path == name }
            var out = (replaced.isEmpty ? "defined " : "redefined ") + what + "\n"
            out += printedLines(built.printer.take())
            out += changeSummary(before: before, after: live.engine.recommendations())
            return ReplReply(output: out, diagnostics: render(ownWarnings))
        }
    }

    static func describe(_ declarations: [Declaration]) -> String {
        let parts = declarations.map { declaration -> String in
            switch declaration {
            case .import(let d): return "import \"\(d.path.value)\""
            case .template(let d): return "template \(d.name.name)"
            case .facts(let d): return d.entries.count == 1 ? "1 fact" : "\(d.entries.count) facts"
            case .factsFrom(let d): return "facts \(d.template.name) from \"\(d.path.value)\""
            case .rule(let d): return "rule \(d.name.name)"
            case .scenario(let d): return "scenario \(d.name.name)"
            case .test(let d): return "test \"\(d.name.value)\""
            }
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    func change(_ text: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let block = TypedText(name: nextName(), text: text)
        if let error = ChangeScript.declarationError(in: block) {
            return ReplReply(diagnostics: render([error]) + "nothing changed\n")
        }
        let check = SessionCheck(units: state.units, blocks: state.changeBlocks + [block])
        guard check.model != nil, let changes = check.blockChanges.last else {
            return ReplReply(diagnostics: render(check.diagnostics.filter { $0.severity == .error }) + "nothing changed\n")
        }
        let engine = live.engine
        let before = engine.recommendations()
        let start = engine.checkpoint()
        _ = live.printer.take()
        do {
            try engine.apply(changes)
            try engine.run(isCancelled: isCancelled)
        } catch {
            let firing = engine.ruleFiringAtError
            try? engine.rollback(to: start)
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: check.script, firing: firing)
        }
        engine.release(start)
        undoStack.append((state, ReplSession.describe(changes: changes)))
        state.changeBlocks.append(block)
        var out = ReplSession.describe(changes: changes) + "\n"
        out += printedLines(live.printer.take())
        out += changeSummary(before: before, after: engine.recommendations())
        return ReplReply(output: out)
    }

    static func describe(changes: [Change]) -> String {
        let parts = changes.map { change -> String in
            switch change {
            case .assert(let record, _, _): return "asserted \(record.template.name)"
            case .modify(let reference, _, _): return "modified \(reference.span.text)"
            case .retract(let reference, _): return "retracted \(reference.span.text)"
            }
        }
        return parts.joined(separator: "; ")
    }

    func printedLines(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    func notAStatement(_ text: String, word: String) -> ReplReply {
        var message = "error: not a statement: "
        message += word.isEmpty ? "an entry" : "`\(word)`"
        message += " cannot be typed on its own\n"
        message += "note: type a definition (template, facts, rule, scenario, test), a change (assert, modify, retract), "
        message += "whatif { ... }, or a :command (:help lists them)\n"
        let words = Array(ReplInput.definitionWords) + Array(ReplInput.changeWords) + ["whatif"]
        if !word.isEmpty, let suggestion = NameSuggestion.best(for: word, among: words) {
            message += "note: did you mean `\(suggestion)`?\n"
        }
        return .error(message)
    }
}

/// Collects `print` output of rules during one build or change.
final class PrintBuffer {
    var lines: [String] = []

    func take() -> [String] {
        defer { lines = [] }
        return lines
    }
}
