/// Bounds on a load that come from outside the files: `--max-facts` and a check for
/// cancellation (Ctrl-C, `--timeout`). The parser, the checker's stages and the
/// engine's loading of facts read them at coarse steps (a declaration, a fact) through
/// a task-local value, so the functions in between carry no extra parameter; a load
/// with no limits bound runs unbounded and uncancellable, as before.
///
///     LoadLimits.$current.withValue(LoadLimits(maxFacts: 1000, isCancelled: { flag.load() })) {
///         Frontend.analyze(paths: paths)
///     }
public struct LoadLimits: Sendable {
    /// At most this many facts from the files (`facts` blocks and CSV rows together).
    public var maxFacts: Int
    /// Asked between steps; once it answers true the load stops with `load.interrupted`.
    public var isCancelled: @Sendable () -> Bool

    public init(maxFacts: Int = .max, isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.maxFacts = maxFacts
        self.isCancelled = isCancelled
    }

    @TaskLocal public static var current = LoadLimits()
}

extension Diagnostic {
    /// A load stopped from outside: the program is incomplete, so it is an error that
    /// keeps every later stage from running on it.
    public static func interrupted(at span: SourceSpan) -> Diagnostic {
        .error("load.interrupted", "interrupted while loading", at: span)
    }

    /// More facts than `--max-facts` allows; at the first one too many.
    public static func factLimit(_ limit: Int, at span: SourceSpan) -> Diagnostic {
        .error("run.fact-limit", "more than \(limit) facts; raise --max-facts to load more", at: span)
    }
}
