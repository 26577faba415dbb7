import AccordEngine

/// How one fuzz input ended. Every ending but `broken` is a clear, expected answer to
/// bad or odd input; `broken` is a bug found without a crash (a diagnostic pointing
/// outside its file, a file read from outside the load root, an engine internal error), and the fuzzer stops on it like a crash.
public enum FuzzOutcome: Sendable, Equatable {
    /// Syntax or check errors: the distinct error codes, sorted.
    case rejected(codes: [String])
    /// Built, ran to quiescence or a halt, and evaluated its scenarios.
    case ran
    /// The engine stopped with an error it reports to users (firing limit, runtime error, ...).
    case stopped(kind: String)
    case broken(String)

    /// One line, the form regression fixtures pin in their `.expected` file.
    public var summary: String {
        switch self {
        case .rejected(let codes): "rejected " + codes.joined(separator: " ")
        case .ran: "ran"
        case .stopped(let kind): "stopped " + kind
        case .broken(let reason): "broken " + reason
        }
    }

    public var isBroken: Bool {
        if case .broken = self { return true }
        return false
    }

    /// `stopped` named by the error's case (`firingLimit`, `runtime`, ...). An exhaustive
    /// switch, so a new error the engine learns to report must be named here. An internal
    /// error is a bug, so it is `broken`.
    static func stopped(_ error: EngineError) -> FuzzOutcome {
        switch error {
        case .internalError(let message): .broken("engine internal error: \(message)")
        case .firingLimit: .stopped(kind: "firingLimit")
        case .factLimit: .stopped(kind: "factLimit")
        case .runtime: .stopped(kind: "runtime")
        case .duplicateKey: .stopped(kind: "duplicateKey")
        case .unknownFact: .stopped(kind: "unknownFact")
        case .unkeyedTemplate: .stopped(kind: "unkeyedTemplate")
        case .cancelled: .stopped(kind: "cancelled")
        case .compile: .stopped(kind: "compile")
        }
    }
}
