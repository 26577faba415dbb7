import AccordEngine
import AccordRepl
import ArgumentParser
import Foundation
import LineEditing

/// `accord repl [PATHS]`: the interactive session. On a terminal it edits lines with
/// libedit (history, Tab completion, bracketed paste); otherwise it reads plain lines,
/// so `accord repl < script.txt` works for scripting. The session itself is the pure
/// `ReplSession`; this command only moves lines in and replies out.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Explore rules interactively: change facts, ask what if and why.",
        discussion: """
        Type anything a file may contain, or a command (:help lists them). Input with open \
        braces, brackets, parentheses or strings continues on the next line. Ctrl-C abandons \
        the input or stops an evaluation; Ctrl-D on an empty line or :quit leaves. History is \
        kept in $XDG_STATE_HOME/accord/history (else ~/.local/state/accord/history).

        When stdin or stdout is not a terminal, lines are read plainly: no prompt, no \
        editing, no colour, no history file. Exit status: 0.

        Examples:
          accord repl Rules
          accord repl Rules < script.txt
        """)

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(help: ArgumentHelp(
        "Refuse a load or change that would make more than this many facts: the files' own (facts blocks and CSV rows) and those rules make.",
        valueName: "n"))
    var maxFacts: Int = Engine.defaultMaxFacts

    func validate() throws {
        if maxFacts < 1 { throw ValidationError("--max-facts must be at least 1") }
    }

    /// Rules/ when no paths are given and it exists; otherwise an empty session.
    var paths: [String] {
        if !input.paths.isEmpty { return input.paths }
        return FileManager.default.fileExists(atPath: "Rules") ? ["Rules"] : []
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let interactive = LibeditLineReader.isInteractive
        let session = ReplSession(paths: paths, allowing: loadRoot.allowedPaths,
                                  useColor: interactive && environment["NO_COLOR"] == nil, maxFacts: maxFacts)
        // From here on Ctrl-C never ends the process; while the files load it still can.
        Interrupts.install()
        let reader: LineReader
        var history: ReplHistory?
        if interactive {
            history = ReplHistory(environment: environment)
            reader = LibeditLineReader(
                historyPath: history?.path, bracketedPaste: environment["TERM"] != "dumb",
                completer: { line, cursor in
                    let completion = session.completions(in: line, cursor: cursor)
                    return LineCompletion(replaceFrom: completion.replaceFrom, candidates: completion.candidates)
                })
        } else {
            reader = PlainLineReader()
        }
        show(session.startupReply)
        while true {
            switch reader.readEntry(prompt: session.prompt, continuationPrompt: session.continuationPrompt,
                                    isComplete: session.isComplete) {
            case .endOfInput:
                if interactive { Terminal.writeOut("\n") }
                throw ExitStatus.success
            case .interrupted:
                if interactive { Terminal.writeOut("^C\n") }
            case .line(let entry):
                guard entry.contains(where: { !$0.isWhitespace }) else { continue }
                history?.record(entry, in: reader)
                Interrupts.clear()
                let reply = session.handle(entry, isCancelled: { Interrupts.isInterrupted })
                // The terminal echoed the ^C of an interrupted evaluation: end its line.
                if interactive, Interrupts.isInterrupted { Terminal.writeOut("\n") }
                show(reply)
                if reply.quit { throw ExitStatus.success }
            }
        }
    }

    func show(_ reply: ReplReply) {
        if !reply.output.isEmpty { Terminal.writeOut(reply.output) }
        if !reply.diagnostics.isEmpty { Terminal.writeError(reply.diagnostics) }
    }
}
