import AccordSyntax

/// The `$` bindings visible at a point of a rule, and which of them have been used.
/// Conditions are checked in order, so a binding is visible only after the pattern that
/// makes it; the rule's later bindings are known too, for a better message when one is
/// used too early (typically inside a `not`).
struct Scope {
    struct Binding {
        let name: String
        /// Nil when the pattern names an unknown template (already reported).
        let template: TemplateInfo?
        let span: SourceSpan
    }

    private var bindings: [String: Binding] = [:]
    private(set) var order: [String] = []
    private(set) var used: Set<String> = []
    /// The binding the pattern being checked will make: not visible inside that pattern.
    var ownBinding: String?
    /// Where each binding of the rule is made, for "bound later" notes.
    var laterBindings: [String: SourceSpan] = [:]

    init() {}

    /// The binding, marked as used; nil when it is not bound here.
    mutating func use(_ name: String) -> Binding? {
        guard let binding = bindings[name] else { return nil }
        used.insert(name)
        return binding
    }

    /// Adds a binding, or returns the one that already has the name.
    mutating func bind(_ binding: Binding) -> Binding? {
        if let existing = bindings[binding.name] { return existing }
        bindings[binding.name] = binding
        order.append(binding.name)
        return nil
    }

    /// Counts a use that came too early (in its own pattern, or before the pattern that
    /// binds it) as a use: the error says what is wrong, a warning would only repeat it.
    mutating func noteEarlyUse(_ name: String) {
        if name == ownBinding || laterBindings[name] != nil { used.insert(name) }
    }

    var unused: [Binding] {
        order.filter { !used.contains($0) }.compactMap { bindings[$0] }
    }

    /// Why `$name` is not bound, as notes: its own pattern, bound further down, or a
    /// near spelling of a visible binding.
    func notesForUnbound(_ name: String, at span: SourceSpan) -> [Diagnostic.Note] {
        if name == ownBinding {
            return [.init("a pattern cannot use its own binding; inside it, name the fields directly")]
        }
        if let later = laterBindings[name], span < later {
            return [.init("`$\(name)` is bound later, here; a condition can only use bindings made before it", span: later)]
        }
        return NameSuggestion.notes(for: name, among: order) { "`$\($0)`" }
    }
}
