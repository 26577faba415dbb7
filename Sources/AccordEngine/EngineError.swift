import AccordSyntax

/// Why the engine stopped with an error. Each carries the place in the rules that
/// caused it, so the CLI renders it like any diagnostic.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// The firing limit was reached; names the rule that fired most.
    case firingLimit(limit: Int, busiestRule: String, firings: Int)
    /// Working memory would hold more than `limit` facts (`--max-facts`). Names the
    /// rule whose action made the fact and where (no rule for given facts and changes).
    case factLimit(limit: Int, template: String, rule: String?, span: SourceSpan?)
    /// An action or condition failed while running (division by zero, ...).
    case runtime(rule: String, message: String, span: SourceSpan)
    /// A fact with a key that exists already (from a file, a scenario or a rule action).
    case duplicateKey(template: String, key: String, span: SourceSpan?)
    /// A change addressed a fact that does not exist.
    case unknownFact(template: String, key: String, span: SourceSpan?)
    /// A change named a fact of a template that has no key, so no fact can be named.
    case unkeyedTemplate(template: String, span: SourceSpan?)
    /// The run was cancelled from outside (SIGINT).
    case cancelled(firings: Int)
    /// A rule the engine cannot compile.
    case compile(message: String, span: SourceSpan)
    /// Something the engine did not expect: a bug, reported rather than crashed on.
    case internalError(String)

    public var description: String {
        switch self {
        case .firingLimit(let limit, let rule, let firings):
            "stopped after \(limit) firings: rule `\(rule)` fired \(firings) times; raise --max-firings if the rules are meant to run this long"
        case .factLimit(let limit, let template, let rule?, _):
            "stopped at \(limit) facts: rule `\(rule)` made one more `\(template)` fact; raise --max-facts if the rules are meant to make this many"
        case .factLimit(let limit, let template, nil, _):
            "stopped at \(limit) facts: one more `\(template)` fact would exceed --max-facts; raise it to load more"
        case .runtime(let rule, let message, _):
            rule.isEmpty ? message : "rule `\(rule)`: \(message)"
        case .duplicateKey(let template, let key, _):
            "a `\(template)` fact with key \(key) exists already; use `modify`"
        case .unknownFact(let template, let key, _):
            "no `\(template)` fact with key \(key)"
        case .unkeyedTemplate(let template, _):
            "`\(template)` has no key field, so its facts cannot be named as `\(template)[...]`; give the template a `key`"
        case .cancelled(let firings):
            "interrupted after \(firings) firings"
        case .compile(let message, _):
            message
        case .internalError(let message):
            "internal error: \(message)"
        }
    }

    /// The diagnostic form, for errors that point into a rule file.
    public var diagnostic: Diagnostic? {
        switch self {
        case .runtime(_, _, let span):
            .error("run.error", description, at: span)
        case .duplicateKey(_, _, let span?):
            .error("run.duplicate-key", description, at: span)
        case .unknownFact(_, _, let span?):
            .error("run.unknown-fact", description, at: span)
        case .unkeyedTemplate(_, let span?):
            .error("run.unkeyed-template", description, at: span)
        case .compile(_, let span):
            .error("run.compile", description, at: span)
        case .factLimit(_, _, _, let span?):
            .error("run.fact-limit", description, at: span)
        case .firingLimit, .factLimit, .cancelled, .duplicateKey, .unknownFact, .unkeyedTemplate, .internalError:
            nil
        }
    }
}
