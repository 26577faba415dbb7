import AccordFormat
import AccordTooling
import ArgumentParser

/// `accord graph [PATHS] [--format dot|svg] [--output PATH]`: the dependency graph of
/// the rules: analyse (parse and check) → stop on errors → build the graph → render
/// DOT, or SVG through Graphviz's `dot` → write to stdout or, atomically, to a file.
/// Exit status: 0 success; 1 checker errors or `dot` failing; 2 syntax errors,
/// unreadable input, bad usage, `dot` not installed, or an output file that cannot be written.
struct GraphCommand: ParsableCommand {
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case dot
        case svg
    }

    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Draw which rules read and write which templates.",
        discussion: """
        Templates are ellipses, rules boxes, recommendation categories notes. An arrow \
        from a template to a rule means the rule reads it (dashed: in a `not`; dotted: in \
        `exists` or an aggregate); from a rule to a template, that the rule derives it \
        (bold: asserts; labelled: modifies or retracts); from a rule to a category, that \
        it recommends under it ("(computed)" when the category is not a constant). \
        --format svg needs Graphviz's `dot` on PATH.

        Exit status: 0 success; 1 checker errors or `dot` failing; 2 syntax errors, \
        unreadable files, bad usage, `dot` not installed or an unwritable output file.

        Examples:
          accord graph Rules > rules.dot
          accord graph Rules --format svg --output rules.svg
        """)

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(help: "dot (Graphviz's language) or svg (drawn by Graphviz's `dot`).")
    var format: Format = .dot

    @Option(help: "Write to this file (replaced atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let model = try SessionLoader.program(paths: input.resolved, root: loadRoot.root(for: input.resolved))
        let dot = DependencyGraph(program: model).dot()
        let text: String
        switch format {
        case .dot:
            text = dot
        case .svg:
            do {
                text = try Graphviz.svg(from: dot)
            } catch .notInstalled {
                Terminal.writeError("accord: error: \(Graphviz.installHint)\n")
                throw ExitStatus.invalidInput
            } catch .failed(let status, let message) {
                let detail = message.isEmpty ? "" : "\nnote: " + message
                Terminal.writeError("accord: error: `dot` failed with exit status \(status)\(detail)\n")
                throw ExitStatus.failures
            } catch .cannotRun(let reason) {
                Terminal.writeError("accord: error: cannot run `dot`: \(reason)\n")
                throw ExitStatus.failures
            }
        }
        guard let output else {
            Terminal.writeOut(text)
            throw ExitStatus.success
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            Terminal.writeError("accord: error: \(error.description)\n")
            throw ExitStatus.invalidInput
        }
        throw ExitStatus.success
    }
}
