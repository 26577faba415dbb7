import AccordSyntax

/// Every name a program declares. Declarations may come in any order and across files,
/// so the checker fills this table before it looks inside any body.
struct SymbolTable: Sendable {
    /// Resolved templates: built-ins first, then the program's in load order.
    private(set) var templates: [TemplateInfo] = []
    private var templateIndex: [String: Int] = [:]
    /// The declaration that defines each template name (the first, when duplicated).
    private(set) var templateDeclarations: [TemplateDeclaration] = []
    private var templateDeclarationIndex: [String: Int] = [:]
    private(set) var rules: [RuleDeclaration] = []
    private var ruleIndex: [String: Int] = [:]
    private(set) var scenarios: [ScenarioDeclaration] = []
    private var scenarioIndex: [String: Int] = [:]
    private(set) var tests: [TestDeclaration] = []

    // MARK: Declaring

    /// Records the declaration, or returns the span of the one that came first.
    mutating func declare(_ template: TemplateDeclaration) -> SourceSpan? {
        if let earlier = templateDeclarationIndex[template.name.name] { return templateDeclarations[earlier].name.span }
        templateDeclarationIndex[template.name.name] = templateDeclarations.count
        templateDeclarations.append(template)
        return nil
    }

    mutating func declare(_ rule: RuleDeclaration) -> SourceSpan? {
        if let earlier = ruleIndex[rule.name.name] { return rules[earlier].name.span }
        ruleIndex[rule.name.name] = rules.count
        rules.append(rule)
        return nil
    }

    mutating func declare(_ scenario: ScenarioDeclaration) -> SourceSpan? {
        if let earlier = scenarioIndex[scenario.name.name] { return scenarios[earlier].name.span }
        scenarioIndex[scenario.name.name] = scenarios.count
        scenarios.append(scenario)
        return nil
    }

    mutating func declare(_ test: TestDeclaration) -> SourceSpan? {
        let earlier = tests.first { $0.name.value == test.name.value }
        tests.append(test)
        return earlier?.name.span
    }

    mutating func add(_ template: TemplateInfo) {
        guard templateIndex[template.name] == nil else { return }
        templateIndex[template.name] = templates.count
        templates.append(template)
    }

    /// True for the declaration that owns its name (not a duplicate).
    func isDefining(_ template: TemplateDeclaration) -> Bool {
        guard let index = templateDeclarationIndex[template.name.name] else { return false }
        return templateDeclarations[index].span == template.span
    }

    // MARK: Looking up

    func template(named name: String) -> TemplateInfo? {
        templateIndex[name].map { templates[$0] }
    }

    func rule(named name: String) -> RuleDeclaration? {
        ruleIndex[name].map { rules[$0] }
    }

    func scenario(named name: String) -> ScenarioDeclaration? {
        scenarioIndex[name].map { scenarios[$0] }
    }

    /// Names a template could be, for suggestions: resolved ones and declared ones whose
    /// body had errors alike.
    var templateNames: [String] {
        (templates.map(\.name) + templateDeclarations.map(\.name.name)).sorted()
    }

    /// The template `name` refers to, reporting it when there is none. A template that
    /// is declared but failed to resolve returns nil quietly: its error is already out.
    func lookupTemplate(_ name: Identifier, into diagnostics: inout [Diagnostic]) -> TemplateInfo? {
        if let template = template(named: name.name) { return template }
        if templateDeclarationIndex[name.name] == nil {
            diagnostics.append(.unknownName("check.unknown-template", "template", name, candidates: templateNames))
        }
        return nil
    }

    func lookupRule(_ name: Identifier, into diagnostics: inout [Diagnostic]) -> RuleDeclaration? {
        if let rule = rule(named: name.name) { return rule }
        diagnostics.append(.unknownName("check.unknown-rule", "rule", name, candidates: rules.map(\.name.name)))
        return nil
    }

    func lookupScenario(_ name: Identifier, into diagnostics: inout [Diagnostic]) -> ScenarioDeclaration? {
        if let scenario = scenario(named: name.name) { return scenario }
        diagnostics.append(.unknownName("check.unknown-scenario", "scenario", name, candidates: scenarios.map(\.name.name)))
        return nil
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    /// "unknown template `Prak`", with "did you mean `Park`?" when a name is close.
    static func unknownName(_ code: String, _ kind: String, _ name: Identifier, candidates: [String]) -> Diagnostic {
        .error(code, "unknown \(kind) `\(name.name)`", at: name.span, notes: NameSuggestion.notes(for: name.name, among: candidates))
    }

    static func unknownField(_ name: Identifier, of template: TemplateInfo) -> Diagnostic {
        .error("check.unknown-field", "template `\(template.name)` has no field `\(name.name)`", at: name.span,
               notes: NameSuggestion.notes(for: name.name, among: template.fieldNames))
    }

    static func duplicate(_ code: String, _ message: String, at span: SourceSpan, first: SourceSpan) -> Diagnostic {
        .error(code, message, at: span, notes: [.init("first defined here", span: first)])
    }

    static func typeMismatch(_ message: String, at span: SourceSpan, notes: [Note] = []) -> Diagnostic {
        .error("check.type-mismatch", message, at: span, notes: notes)
    }
}
