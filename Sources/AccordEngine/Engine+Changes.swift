import AccordCheck
import AccordSyntax

extension Engine {
    /// Asserts a fact from field values (missing fields take their defaults). Returns the
    /// new fact's id, or the id of an identical fact that exists already.
    @discardableResult
    public func assert(_ template: String, _ fields: [String: Value], cite: String? = nil) throws(EngineError) -> Int {
        let model = try model(template)
        var values: [Datum] = []
        for field in model.info.fields {
            guard let value = fields[field.name] ?? field.defaultValue else {
                throw .internalError("`\(template)` needs a value for `\(field.name)`")
            }
            values.append(network.symbols.datum(value.coerced(to: field.type)))
        }
        return try settled { try network.assertFact(template: model.id, values: values, cite: cite, origin: .given(nil)) }
    }

    /// Retracts a fact by id. Retracting a fact that is gone does nothing.
    public func retract(_ id: Int) throws(EngineError) {
        _ = try settled { try network.retractFact(id); return id }
    }

    /// Changes fields of a fact, keeping its identity.
    public func modify(_ id: Int, _ fields: [String: Value]) throws(EngineError) {
        guard network.memory.isAlive(id) else { throw .internalError("fact \(id) does not exist") }
        let record = network.memory[id]
        let model = network.templates[record.template]
        var values = record.values
        for (name, value) in fields {
            guard let index = model.index(of: name) else { throw .internalError("`\(model.name)` has no field `\(name)`") }
            values[index] = network.symbols.datum(value.coerced(to: model.info.fields[index].type))
        }
        _ = try settled { try network.modifyFact(id, values: values); return id }
    }

    /// The id of the keyed fact `Template[key...]`.
    public func fact(_ template: String, key: [Value]) -> Int? {
        guard let model = network.template(named: template) else { return nil }
        return network.memory.fact(template: model.id, key: key.map(network.symbols.datum))
    }

    /// Applies scenario changes (`assert`, `modify T[k]`, `retract T[k]`) in order.
    /// Values are constants (the checker made sure).
    public func apply(_ changes: [Change]) throws(EngineError) {
        for change in changes {
            switch change {
            case .assert(let record, let cite, let span):
                let fields = constants(record.fields, of: record.template.name)
                do {
                    try assert(record.template.name, fields, cite: cite?.value)
                } catch {
                    throw relocated(error, to: span)
                }
            case .modify(let reference, let fields, let span):
                let id = try resolve(reference, span: span)
                try modify(id, constants(fields, of: reference.template.name))
            case .retract(let reference, let span):
                try retract(try resolve(reference, span: span))
            }
        }
    }

    /// Applies a named scenario, its parents first.
    public func apply(scenario name: String) throws(EngineError) {
        guard let chain = program.scenarioChain(name) else { throw .internalError("no scenario `\(name)`") }
        for scenario in chain { try apply(scenario.changes) }
    }

    private func resolve(_ reference: FactReference, span: SourceSpan) throws(EngineError) -> Int {
        let name = reference.template.name
        guard let model = network.template(named: name) else { throw .internalError("no template `\(name)`") }
        guard model.info.isKeyed else {
            throw .unkeyedTemplate(template: name, span: span)
        }
        let types = model.info.keyFields.map(\.type)
        let key = zip(reference.key, types).compactMap { ConstantEvaluator.evaluate($0, as: $1) }
        guard key.count == types.count, let id = fact(name, key: key.map { $0 }) else {
            throw .unknownFact(template: name, key: key.map(\.description).joined(separator: ", "), span: span)
        }
        return id
    }

    private func constants(_ fields: [FieldValue], of template: String) -> [String: Value] {
        let model = network.template(named: template)
        var values: [String: Value] = [:]
        for field in fields {
            let type = model?.info.field(named: field.name.name)?.type ?? .unknown
            if let value = ConstantEvaluator.evaluate(field.value, as: type) { values[field.name.name] = value }
        }
        return values
    }

    private func relocated(_ error: EngineError, to span: SourceSpan) -> EngineError {
        switch error {
        case .duplicateKey(let template, let key, nil): .duplicateKey(template: template, key: key, span: span)
        case .factLimit(let limit, let template, let rule, nil): .factLimit(limit: limit, template: template, rule: rule, span: span)
        case .firingLimit, .factLimit, .runtime, .duplicateKey, .unknownFact, .unkeyedTemplate, .cancelled, .compile, .internalError: error
        }
    }

    private func model(_ template: String) throws(EngineError) -> TemplateModel {
        guard let model = network.template(named: template) else { throw .internalError("no template `\(template)`") }
        return model
    }

    /// Runs a change and settles truth maintenance, mapping internal errors.
    private func settled(_ change: () throws -> Int) throws(EngineError) -> Int {
        // An error now is the change's, not a firing rule's.
        network.failedWhileFiring = nil
        var result = 0
        try mapped {
            result = try change()
            try network.settle()
        }
        return result
    }
}
