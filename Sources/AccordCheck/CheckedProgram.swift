import AccordSyntax

/// What the checker hands the engine: the declarations with their names resolved and
/// types known, and every fact from the files with its defaults filled in. It is only
/// meaningful when the check reported no errors.
public struct CheckedProgram: Sendable {
    /// The built-in templates first, then the program's, in load order.
    public let templates: [TemplateInfo]
    public let templatesByName: [String: TemplateInfo]
    /// Rules in load order (the first of any duplicated name).
    public let rules: [RuleDeclaration]
    public let scenarios: [ScenarioDeclaration]
    public let scenariosByName: [String: ScenarioDeclaration]
    public let tests: [TestDeclaration]
    /// Facts from `facts { }` blocks and CSV files, in load order.
    public let facts: [FactInstance]

    public init(
        templates: [TemplateInfo], rules: [RuleDeclaration], scenarios: [ScenarioDeclaration],
        tests: [TestDeclaration], facts: [FactInstance]
    ) {
        self.templates = templates
        self.templatesByName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.rules = rules
        self.scenarios = scenarios
        self.scenariosByName = Dictionary(scenarios.map { ($0.name.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.tests = tests
        self.facts = facts
    }

    public func template(named name: String) -> TemplateInfo? { templatesByName[name] }

    public func scenario(named name: String) -> ScenarioDeclaration? { scenariosByName[name] }

    /// A scenario with the scenarios it extends, outermost first: the order their changes
    /// apply in. Nil when there is no such scenario. A cycle (which the checker reports)
    /// ends the chain where it closes.
    public func scenarioChain(_ name: String) -> [ScenarioDeclaration]? {
        var chain: [ScenarioDeclaration] = []
        var next: String? = name
        while let current = next, let scenario = scenario(named: current), !chain.contains(where: { $0.name.name == current }) {
            chain.insert(scenario, at: 0)
            next = scenario.parent?.name
        }
        return chain.isEmpty ? nil : chain
    }
}

/// A template with its field types resolved.
public struct TemplateInfo: Sendable, Hashable {
    public let name: String
    /// In declaration order.
    public let fields: [FieldInfo]
    /// The key fields' names, in the order `Template[...]` lists their values.
    public let key: [String]
    public let span: SourceSpan
    /// `Recommendation`: matched by rules, produced only by `recommend`.
    public let isBuiltIn: Bool
    /// The fields' names in declaration order: the layout of every fact's values.
    public let fieldNames: [String]

    public init(name: String, fields: [FieldInfo], key: [String], span: SourceSpan, isBuiltIn: Bool) {
        self.name = name
        self.fields = fields
        self.key = key
        self.span = span
        self.isBuiltIn = isBuiltIn
        self.fieldNames = fields.map(\.name)
    }

    public func field(named name: String) -> FieldInfo? {
        fields.first { $0.name == name }
    }

    /// The position of a field in every fact's `values`.
    public func index(of field: String) -> Int? {
        fieldNames.firstIndex(of: field)
    }

    public var isKeyed: Bool { !key.isEmpty }

    public var keyFields: [FieldInfo] { key.compactMap(field(named:)) }
}

public struct FieldInfo: Sendable, Hashable {
    public let name: String
    public let type: ValueType
    /// Already widened to the field's type (`float = 0` holds `0.0`).
    public let defaultValue: Value?
    public let span: SourceSpan

    public init(name: String, type: ValueType, defaultValue: Value?, span: SourceSpan) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.span = span
    }

    /// A field without a default must be given by every fact.
    public var isRequired: Bool { defaultValue == nil }
}

/// One fact from the files, every field present. Values are stored in the template's
/// field order (`fieldNames`, shared with the template), so a fact costs one array
/// and no hashing.
public struct FactInstance: Sendable, Hashable {
    public let template: String
    public let fieldNames: [String]
    public let values: [Value]
    public let cite: String?
    /// The record in a `.accord` file, or the row in a CSV file.
    public let span: SourceSpan

    public init(template: String, fieldNames: [String], values: [Value], cite: String?, span: SourceSpan) {
        self.template = template
        self.fieldNames = fieldNames
        self.values = values
        self.cite = cite
        self.span = span
    }

    /// A fact from named values, laid out in the order of their names.
    public init(template: String, fields: [String: Value], cite: String?, span: SourceSpan) {
        let names = fields.keys.sorted()
        self.init(template: template, fieldNames: names, values: names.compactMap { fields[$0] }, cite: cite, span: span)
    }

    /// The value of one field.
    public subscript(field: String) -> Value? {
        fieldNames.firstIndex(of: field).map { values[$0] }
    }

    /// Every field by name.
    public var fields: [String: Value] {
        Dictionary(zip(fieldNames, values), uniquingKeysWith: { first, _ in first })
    }

    /// The fact's key values, or nil for an unkeyed template.
    public func key(in template: TemplateInfo) -> [Value]? {
        guard template.isKeyed else { return nil }
        let values = template.key.compactMap { self[$0] }
        return values.count == template.key.count ? values : nil
    }
}
