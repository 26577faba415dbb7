import AccordSyntax

/// The facts of the files as values, for telling statically what a scenario changes:
/// keyed facts by template and key, unkeyed facts as sets (asserting a copy of one
/// adds nothing). Citations are not part of a fact's value.
struct FactState: Equatable {
    private var keyed: [String: [[Value]: [Value]]] = [:]
    private var unkeyed: [String: Set<[Value]>] = [:]
    let symbols: SymbolTable

    init(facts: [FactInstance], symbols: SymbolTable) {
        self.symbols = symbols
        for fact in facts {
            guard let template = symbols.template(named: fact.template) else { continue }
            insert(fact.values, of: template)
        }
    }

    static func == (lhs: FactState, rhs: FactState) -> Bool {
        lhs.keyed == rhs.keyed && lhs.unkeyed == rhs.unkeyed
    }

    /// Applies a change of a checked scenario; one whose values are not all known
    /// constants returns false and changes nothing.
    @discardableResult
    mutating func apply(_ change: Change) -> Bool {
        switch change {
        case .assert(let record, _, _):
            guard let template = symbols.template(named: record.template.name) else { return false }
            var values: [Value] = []
            for field in template.fields {
                let given = record.fields.first { $0.name.name == field.name }
                guard let value = given.map({ ConstantEvaluator.evaluate($0.value, as: field.type) }) ?? field.defaultValue
                else { return false }
                values.append(value)
            }
            insert(values, of: template)
            return true
        case .modify(let reference, let fields, _):
            guard let (template, key) = resolve(reference), var values = keyed[template.name]?[key] else { return false }
            for given in fields {
                guard let index = template.index(of: given.name.name), let field = template.field(named: given.name.name),
                      let value = ConstantEvaluator.evaluate(given.value, as: field.type)
                else { return false }
                values[index] = value
            }
            keyed[template.name]?[key] = nil
            insert(values, of: template)
            return true
        case .retract(let reference, _):
            guard let (template, key) = resolve(reference) else { return false }
            keyed[template.name]?[key] = nil
            return true
        }
    }

    private mutating func insert(_ values: [Value], of template: TemplateInfo) {
        if template.isKeyed {
            let key = template.key.compactMap { template.index(of: $0).map { values[$0] } }
            keyed[template.name, default: [:]][key] = values
        } else {
            unkeyed[template.name, default: []].insert(values)
        }
    }

    private func resolve(_ reference: FactReference) -> (TemplateInfo, [Value])? {
        guard let template = symbols.template(named: reference.template.name), template.isKeyed else { return nil }
        var key: [Value] = []
        for (expression, field) in zip(reference.key, template.keyFields) {
            guard let value = ConstantEvaluator.evaluate(expression, as: field.type) else { return nil }
            key.append(value)
        }
        return key.count == template.key.count ? (template, key) : nil
    }
}
