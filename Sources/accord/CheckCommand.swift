import AccordCheck
import AccordSyntax
import ArgumentParser

/// `accord check [PATHS]`: diagnostics only, lint warnings included. Exit 0 when clean
/// (warnings allowed), 1 for checker errors, 2 for syntax errors or unreadable files.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check rule files and report every problem found.",
        discussion: """
        Besides errors, reports lint warnings: rules that can never fire, contradictory \
        constraints, unused templates, recommendations without `cite`, and scenarios \
        that change nothing.

        Exit status: 0 clean (warnings allowed), 1 checker errors, 2 syntax errors, \
        unreadable files or bad usage.

        Examples:
          accord check Rules
          accord check --verbose Rules/parks.accord
        """)

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Flag(name: .shortAndLong, help: "Print a one-line summary after the diagnostics.")
    var verbose = false

    func run() throws {
        let analysis = Frontend.analyze(paths: input.resolved, root: loadRoot.root(for: input.resolved), lint: true)
        Terminal.report(analysis.diagnostics)
        if verbose, let model = analysis.model {
            Terminal.writeError(Summary(program: analysis.program, model: model, diagnostics: analysis.diagnostics).line + "\n")
        }
        throw ExitStatus.forAnalysis(analysis)
    }
}

extension ExitStatus {
    static func forAnalysis(_ analysis: Frontend.Analysis) -> ExitStatus {
        if analysis.hasSyntaxErrors { return .invalidInput }
        if analysis.hasErrors { return .failures }
        return .success
    }
}
