import AccordSyntax

extension Network {
    /// Fires activations until none is left, a rule halts, the firing limit is reached
    /// or the run is cancelled (checked between firings).
    /// The limit counts this run's firings; the activation that would exceed it, or that
    /// a cancellation stops before, stays on the agenda for the next run.
    func run(maxFirings: Int, isCancelled: () -> Bool) throws -> RunOutcome {
        halted = nil
        failedWhileFiring = nil
        try settle()
        let start = firings
        var firedByRule = [Int](repeating: 0, count: rules.count)
        while halted == nil, !agenda.isEmpty {
            if isCancelled() { throw EngineError.cancelled(firings: firings - start) }
            guard firings - start < maxFirings else {
                let busiest = firedByRule.indices.max { firedByRule[$0] < firedByRule[$1] } ?? 0
                throw EngineError.firingLimit(limit: maxFirings, busiestRule: rules[busiest].name,
                                              firings: firedByRule[busiest])
            }
            guard let activation = agenda.pop() else { break }
            firedByRule[activation.rule] += 1
            if let profiler {
                try profiler.firing(rule: activation.rule) { try fire(activation) }
            } else {
                try fire(activation)
            }
        }
        if let rule = halted { return .halted(rule: rule) }
        return .quiescent
    }

    private func fire(_ activation: Activation) throws {
        activation.fired = true
        firings += 1
        firingsByRule?[activation.rule] += 1
        let (rule, context) = firing(activation)
        defer { forgetIfUnneeded(activation) }
        for action in rule.actions {
            do {
                try execute(action, of: rule, activation: activation, in: context)
                try settle()
            } catch let failure as RuntimeFailure {
                // The failing expression may belong to another rule's condition, reached
                // while this rule's action propagated: name the rule that holds it, and
                // keep the firing one for the report.
                failedWhileFiring = rule.name
                throw EngineError.runtime(rule: ruleName(containing: failure.span) ?? rule.name, message: failure.message,
                                          span: failure.span)
            } catch let duplicate as DuplicateKey {
                let model = templates[duplicate.template]
                let key = model.key(of: memory[duplicate.twin].values).map { symbols.value($0).description }
                    .joined(separator: ", ")
                throw EngineError.runtime(
                    rule: rule.name,
                    message: "a `\(model.name)` fact with key \(key) exists already; use `modify`",
                    span: Self.span(of: action) ?? rule.declaration.name.span)
            } catch let full as FactLimitReached {
                // Whatever the action set off (derivations, recommendation facts), the
                // firing rule's action is what made working memory overflow.
                throw EngineError.factLimit(limit: full.limit, template: templates[full.template].name, rule: rule.name,
                                            span: Self.span(of: action) ?? rule.declaration.name.span)
            }
        }
    }

    /// Fires a match that had fired before a checkpoint and came back on rollback: only
    /// its logical actions, which truth maintenance withdrew with the match. It does not
    /// count as a firing.
    func fireLogically(_ activation: Activation) throws {
        activation.fired = true
        agenda.discard()
        let (rule, context) = firing(activation)
        defer { forgetIfUnneeded(activation) }
        for action in rule.actions {
            switch action {
            case .recommend, .derive:
                try execute(action, of: rule, activation: activation, in: context)
                try settle()
            case .assert, .retract, .modify, .print, .halt:
                continue
            }
        }
    }

    /// The rule an activation fires and the context its actions evaluate in.
    private func firing(_ activation: Activation) -> (CompiledRule, EvaluationContext) {
        let rule = rules[activation.rule]
        let context = EvaluationContext(network: self, token: activation.token, current: nil,
                                        snapshot: rule.modifiesMatchedFacts ? snapshot(of: activation.token, levels: rule.levelCount) : nil)
        return (rule, context)
    }

    /// Only activations that support something are needed after they fire.
    private func forgetIfUnneeded(_ activation: Activation) {
        if activation.supported.isEmpty, activation.recommended.isEmpty { activations[activation.id] = nil }
    }

    /// The values every level of a token held when it matched.
    func snapshot(of token: Token, levels: Int) -> FiringSnapshot {
        var snapshot = FiringSnapshot(values: Array(repeating: nil, count: levels), slots: Array(repeating: nil, count: levels))
        var current: Token? = token
        while let step = current, step.level >= 0 {
            if step.level < levels {
                if step.fact >= 0 { snapshot.values[step.level] = memory.values(of: step.fact) }
                snapshot.slots[step.level] = step.slot
            }
            current = step.parent
        }
        return snapshot
    }

    private func execute(_ action: CompiledAction, of rule: CompiledRule, activation: Activation, in context: EvaluationContext) throws {
        switch action {
        case .recommend(let recommend):
            try self.recommend(recommend, rule: rule, activation: activation, in: context)
        case .derive(let template, let fields, _):
            try derive(template: template, values: try values(template, fields, in: context), by: activation)
        case .assert(let template, let fields, _):
            let values = try values(template, fields, in: context)
            try assertFact(template: template, values: values, cite: nil, origin: .asserted(rule: rule.index))
        case .retract(let level, _):
            if let fact = activation.token.at(level: level)?.fact, fact >= 0 {
                try retractFact(fact)
            }
        case .modify(let level, let fields, _):
            guard let fact = activation.token.at(level: level)?.fact, memory.isAlive(fact) else { return }
            var values = memory[fact].values
            for field in fields {
                values[field.index] = coerce(try field.value.evaluate(context), like: values[field.index])
            }
            try modifyFact(fact, values: values)
        case .print(let expression):
            printer(symbols.display(try expression.evaluate(context)))
        case .halt:
            halted = rule.name
        }
    }

    private func recommend(_ recommend: CompiledAction.Recommend, rule: CompiledRule, activation: Activation,
                           in context: EvaluationContext) throws {
        let text = try recommend.text.evaluate(context)
        let subject = try recommend.subject?.evaluate(context) ?? .string(symbols.intern(""))
        let score = try recommend.score?.evaluate(context).asDouble ?? 0.5
        let category = try recommend.category?.evaluate(context) ?? .string(symbols.intern(""))
        var tags: [Symbol] = []
        if case .list(let elements)? = try recommend.tags?.evaluate(context) {
            for case .string(let tag) in elements where !tags.contains(tag) { tags.append(tag) }
        }
        let details = try recommend.details.map { ($0.name, try $0.value.evaluate(context)) }
        guard case .string(let textSymbol) = text, case .string(let subjectSymbol) = subject,
              case .string(let categorySymbol) = category else {
            throw RuntimeFailure(message: "a recommendation's text, subject and category must be strings", span: recommend.span)
        }
        guard score.isFinite else { throw RuntimeFailure(message: "the score is not a finite number", span: recommend.span) }
        let key = RecommendationKey(rule: rule.index, subject: subjectSymbol, text: textSymbol)
        let payload = RecommendationPayload(activation: activation.id, score: score, category: categorySymbol, tags: tags,
                                            details: details)
        self.recommend(payload, key: key, by: activation)
    }

    /// A record's values: the given fields, the template's defaults for the rest.
    func values(_ template: Int, _ fields: [CompiledAction.Field], in context: EvaluationContext) throws -> [Datum] {
        let model = templates[template]
        var values = defaults(of: template)
        for field in fields {
            let value = try field.value.evaluate(context)
            values[field.index] = model.info.fields[field.index].type == .float ? (value.asDouble.map(Datum.float) ?? value) : value
        }
        return values
    }

    /// A template's default values (`int(0)` where it has none), computed once.
    private func defaults(of template: Int) -> [Datum] {
        if let cached = templateDefaults[template] { return cached }
        let values = templates[template].info.fields.map { $0.defaultValue.map(symbols.datum) ?? .int(0) }
        templateDefaults[template] = values
        return values
    }

    /// Ints stored into float fields become floats, as the checker's values do.
    private func coerce(_ value: Datum, like old: Datum) -> Datum {
        if case .float = old, case .int(let number) = value { return .float(Double(number)) }
        return value
    }

    static func span(of action: CompiledAction) -> SourceSpan? {
        switch action {
        case .recommend(let recommend): recommend.span
        case .derive(_, _, let span), .assert(_, _, let span), .retract(_, let span), .modify(_, _, let span): span
        case .print(let expression): expression.span
        case .halt: nil
        }
    }

    /// The rule whose text contains a place (where a failing expression is written).
    func ruleName(containing span: SourceSpan) -> String? {
        rules.first { rule in
            let declaration = rule.declaration.span
            return declaration.file === span.file && declaration.start <= span.start && span.end <= declaration.end
        }?.name
    }
}
