import AccordSyntax

/// Where each keyed fact is defined, by template and key: the index that finds
/// duplicate keys and resolves `Region["Jilin"]`. Scenarios copy it and apply their
/// changes to the copy.
struct KeyIndex: Sendable {
    private var defined: [String: [[Value]: SourceSpan]] = [:]
    /// Why a key a scenario chain used to have is gone, for a note when a later change
    /// still uses it.
    enum Removal: Sendable {
        case retracted
        case rekeyed
    }

    private var removed: [String: [[Value]: (span: SourceSpan, reason: Removal)]] = [:]

    func span(of key: [Value], in template: String) -> SourceSpan? {
        defined[template]?[key]
    }

    func removal(of key: [Value], in template: String) -> (span: SourceSpan, reason: Removal)? {
        removed[template]?[key]
    }

    /// Adds a key, or returns where it was defined first.
    mutating func insert(_ key: [Value], in template: String, at span: SourceSpan) -> SourceSpan? {
        if let first = defined[template]?[key] { return first }
        defined[template, default: [:]][key] = span
        removed[template]?[key] = nil
        return nil
    }

    mutating func remove(_ key: [Value], in template: String, at span: SourceSpan, because reason: Removal) {
        defined[template]?[key] = nil
        removed[template, default: [:]][key] = (span, reason)
    }

    /// The keys of a template as written in source, sorted, for suggestions.
    func describedKeys(of template: String) -> [String] {
        (defined[template] ?? [:]).keys.map(KeyIndex.describe).sorted()
    }

    /// `"Jilin"`, or `"Heihe", "Blagoveshchensk"` for a two-field key.
    static func describe(_ key: [Value]) -> String {
        key.map(\.description).joined(separator: ", ")
    }
}

/// The facts of the program's files in load order, and their keys.
struct FactTable: Sendable {
    private(set) var instances: [FactInstance] = []
    private(set) var keys = KeyIndex()

    mutating func append(_ fact: FactInstance) {
        instances.append(fact)
    }

    /// Registers a fact's key, reporting a duplicate at `span` with a note at the first.
    /// Returns false for a duplicate.
    @discardableResult
    mutating func register(_ key: [Value], of template: TemplateInfo, at span: SourceSpan, diagnostics: inout [Diagnostic]) -> Bool {
        if let first = keys.insert(key, in: template.name, at: span) {
            diagnostics.append(.duplicateKey(key, of: template, at: span, first: first))
            return false
        }
        return true
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    static func duplicateKey(_ key: [Value], of template: TemplateInfo, at span: SourceSpan, first: SourceSpan) -> Diagnostic {
        .error("check.duplicate-key", "a `\(template.name)` fact with key \(KeyIndex.describe(key)) already exists", at: span,
               notes: [.init("first defined here", span: first), .init("use `modify` to change an existing fact")])
    }
}
