@_exported import AccordCheck
@_exported import AccordEngine
@_exported import AccordSyntax

/// The embedding API in one import: load rule files into an engine.
///
///     import Accord
///
///     let engine = try Accord.load(paths: ["Rules"])
///     try engine.run()
///     for advice in engine.recommendations() {
///         print(advice.rank, advice.subject, advice.text, advice.score)
///     }
///     if let jilin = engine.fact("Region", key: [.string("Jilin")]) {
///         try engine.modify(jilin, ["trade_with_russia_busd": .float(12.5)])
///         try engine.run()
///     }
public enum Accord {
    /// Why a load failed: every diagnostic of the files, or the engine's error.
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        case invalid([Diagnostic])
        case engine(EngineError)

        public var description: String {
            switch self {
            case .invalid(let diagnostics): DiagnosticRenderer().render(diagnostics)
            case .engine(let error): error.description
            }
        }
    }

    /// Loads files and folders (every `.accord` file below a folder), checks them, and
    /// builds an engine with their facts, ready to `run`. Warnings do not stop a load.
    /// Paths inside the files must stay inside `root`, by default the one `paths` make
    /// (docs/security.md).
    public static func load(paths: [String], root: LoadRoot? = nil,
                            print: @escaping (String) -> Void = { _ in }) throws(LoadError) -> Engine {
        try engine(for: Frontend.analyze(paths: paths, root: root), print: print)
    }

    /// The same for source text that is not on disk.
    public static func load(text: String, path: String = "<text>", print: @escaping (String) -> Void = { _ in }) throws(LoadError) -> Engine {
        try engine(for: Frontend.analyze(text: text, path: path), print: print)
    }

    private static func engine(for analysis: Frontend.Analysis, print: @escaping (String) -> Void) throws(LoadError) -> Engine {
        guard let model = analysis.model, !analysis.hasErrors else {
            throw .invalid(analysis.diagnostics.filter { $0.severity == .error })
        }
        do {
            return try Engine(program: model, print: print)
        } catch {
            throw .engine(error)
        }
    }
}
