import AccordSyntax

/// The front of the pipeline, readable top to bottom: read and parse every file,
/// stop if any of it is not syntactically valid, then check the whole program.
/// Later stages (network building, running) start from `Analysis.model`.
public enum Frontend {
    public struct Analysis: Sendable {
        public let program: Program
        /// Nil when parsing failed: a program with syntax errors is not checked.
        public let model: CheckedProgram?
        /// Sorted by file and position.
        public let diagnostics: [Diagnostic]

        public var hasSyntaxErrors: Bool { diagnostics.contains(where: \.isSyntaxError) }
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// `lint` adds the checker's lint warnings, as `accord check` shows them. The load
    /// root is the one `paths` make (`LoadRoot(arguments:)`) unless `root` is given.
    public static func analyze(paths: [String], root: LoadRoot? = nil, lint: Bool = false) -> Analysis {
        analyze(SourceLoader().load(paths: paths, root: root ?? LoadRoot(arguments: paths)), lint: lint)
    }

    public static func analyze(text: String, path: String, lint: Bool = false) -> Analysis {
        analyze(SourceLoader().load(text: text, path: path), lint: lint)
    }

    static func analyze(_ loaded: SourceLoader.Output, lint: Bool = false) -> Analysis {
        guard !loaded.diagnostics.hasErrors else {
            return Analysis(program: loaded.program, model: nil, diagnostics: loaded.diagnostics.sortedByLocation())
        }
        let checked = Checker(lint: lint).check(loaded.program)
        return Analysis(
            program: loaded.program, model: checked.model,
            diagnostics: (loaded.diagnostics + checked.diagnostics).sortedByLocation())
    }
}
