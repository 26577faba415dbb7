/// Generates small random rule bases in the declarative subset from a seed.
///
/// Shape: 2–4 templates with a few int/string (now and then float) fields, some keyed;
/// 5–40 facts over small value domains so that joins hit; 2–6 rules that only
/// `recommend` and `derive`, with joins, constant constraints, `not`, `exists`, `test`,
/// aggregates in tests and scores, intermediate derived templates and, often, a
/// reachability-style recursive template.
///
/// Negation is stratified by construction: every derived template has a stratum, and a
/// rule deriving a template of stratum `s` may match (and test with `exists`) templates of
/// strata up to `s`, but negate or aggregate only base templates and strata below `s`.
/// Rules matching their own stratum (recursion) derive only copies of matched values
/// and constants, so the fixpoint is finite.
struct RandomRuleBase {
    var random: SplitMix64

    static let strings = ["a", "b", "c"]
    static let ints: ClosedRange<Int> = 0...3
    static let floats: [Double] = [0.5, 1.0, 1.5, 2.0]
    /// The field names a template may have. Shared between templates, so that
    /// `n == $v0.n` joins read naturally and types line up.
    static let fieldPool: [(name: String, kind: FieldKind)] = [("n", .int), ("m", .int), ("s", .string), ("t", .string), ("w", .float)]

    static func make(seed: UInt64) -> RuleBase {
        var generator = RandomRuleBase(random: SplitMix64(seed: seed))
        return generator.make()
    }

    mutating func make() -> RuleBase {
        let templateCount = random.int(in: 2...4)
        let derivedCount = random.chance(0.1) ? 0 : random.int(in: 1...min(2, templateCount - 1))
        let withReachability = derivedCount > 0 && random.chance(0.4)
        var templates: [TemplateSpec] = []
        for index in 0..<(templateCount - derivedCount) {
            templates.append(baseTemplate(index, isEdge: withReachability && index == 0))
        }
        var stratum = 1
        for index in 0..<derivedCount {
            if index > 0, !random.chance(0.35) { stratum += 1 }
            templates.append(derivedTemplate(index, stratum: stratum, isReach: withReachability && index == 0))
        }
        let base = RuleBase(templates: templates, facts: [], rules: [])
        return RuleBase(templates: templates, facts: facts(for: base.baseTemplates),
                        rules: rules(for: base, withReachability: withReachability))
    }

    // MARK: Templates and facts

    private mutating func baseTemplate(_ index: Int, isEdge: Bool) -> TemplateSpec {
        var fields: [FieldSpec] = []
        let keyed = random.chance(0.35)
        if keyed { fields.append(FieldSpec(name: "id", kind: .int, defaultValue: nil)) }
        // Every base template has an int field, so that sums and numeric joins have something to work on.
        for (name, kind) in Self.fieldPool {
            let wanted = switch name {
            case "n": true
            case "m": isEdge || random.chance(0.6)
            case "s": random.chance(0.6)
            case "t": random.chance(0.25)
            default: random.chance(0.25)
            }
            guard wanted else { continue }
            // The edge template of a reachability program keeps its endpoints required.
            let hasDefault = !(isEdge && (name == "n" || name == "m")) && random.chance(0.2)
            fields.append(FieldSpec(name: name, kind: kind, defaultValue: hasDefault ? literal(kind) : nil))
        }
        return TemplateSpec(name: "Base\(index)", fields: fields, key: keyed ? "id" : nil, stratum: nil)
    }

    private mutating func derivedTemplate(_ index: Int, stratum: Int, isReach: Bool) -> TemplateSpec {
        var fields: [FieldSpec] = []
        if isReach {
            fields = [FieldSpec(name: "n", kind: .int, defaultValue: nil), FieldSpec(name: "m", kind: .int, defaultValue: nil)]
        } else {
            // At most three fields: a recursive template's facts range over the product of
            // its fields' domains, and that product has to stay small.
            let chosen = Set(random.shuffled(Self.fieldPool.map(\.name)).prefix(random.int(in: 1...3)))
            for (name, kind) in Self.fieldPool where chosen.contains(name) {
                fields.append(FieldSpec(name: name, kind: kind, defaultValue: random.chance(0.2) ? literal(kind) : nil))
            }
        }
        return TemplateSpec(name: "Derived\(index)", fields: fields, key: nil, stratum: stratum)
    }

    private mutating func facts(for templates: [TemplateSpec]) -> [FactSpec] {
        var facts: [FactSpec] = []
        var usedKeys: [String: Set<Int64>] = [:]
        let count = random.int(in: 5...40)
        for _ in 0..<count {
            let template = random.pick(templates)
            var given: [(name: String, value: Scalar)] = []
            for field in template.fields {
                if field.name == template.key {
                    let key = freshKey(avoiding: usedKeys[template.name, default: []], count: count)
                    usedKeys[template.name, default: []].insert(key)
                    given.append((field.name, .int(key)))
                } else if field.defaultValue == nil || !random.chance(0.4) {
                    given.append((field.name, literal(field.kind)))
                }
            }
            facts.append(FactSpec(template: template.name, given: given))
        }
        return facts
    }

    /// A key not in use; small enough to join with the other int fields now and then.
    private mutating func freshKey(avoiding used: Set<Int64>, count: Int) -> Int64 {
        while true {
            let key = Int64(random.int(in: 0...(2 * count + 10)))
            if !used.contains(key) { return key }
        }
    }

    private mutating func literal(_ kind: FieldKind) -> Scalar {
        Self.literal(kind, using: &random)
    }

    /// A constant from the field kind's small domain.
    static func literal(_ kind: FieldKind, using random: inout SplitMix64) -> Scalar {
        switch kind {
        case .int: .int(Int64(random.int(in: Self.ints)))
        case .float: .float(random.pick(Self.floats))
        case .string: .string(random.pick(Self.strings))
        }
    }

    // MARK: Rules

    /// What a rule produces: a derived template's facts, or recommendations.
    enum Target {
        case derive(TemplateSpec)
        case recommend
    }

    private mutating func rules(for base: RuleBase, withReachability: Bool) -> [RuleSpec] {
        let derived = base.templates.filter { $0.stratum != nil }
        var rules: [RuleSpec] = []
        if withReachability, let reach = derived.first {
            rules += reachabilityRules(reach: reach, edge: base.template(named: "Base0"), base: base)
        }
        // Every derived template gets a foundation rule, which matches only lower strata,
        // so that it has facts to start from (the reachability recipe has its own), and at
        // least one rule recommends; the rest is drawn at random.
        var targets: [(Target, isFoundation: Bool)] = derived.dropFirst(withReachability ? 1 : 0).map { (.derive($0), true) }
        targets.append((.recommend, false))
        let total = max(random.int(in: 2...6), targets.count + rules.count)
        while targets.count + rules.count < total {
            targets.append((derived.isEmpty || random.chance(0.5) ? .recommend : .derive(random.pick(derived)), false))
        }
        for (target, isFoundation) in random.shuffled(targets) {
            var builder = RandomRule(base: base, target: target, isFoundation: isFoundation, name: "r\(rules.count)", random: random)
            rules.append(builder.make())
            random = builder.random
        }
        return rules
    }

    /// `reach(x, y) :- edge(x, y)` and `reach(x, z) :- reach(x, y), edge(y, z)`, sometimes
    /// with the join written the other way round, a constraint on the edge, or a `not` on
    /// another base template.
    private mutating func reachabilityRules(reach: TemplateSpec, edge: TemplateSpec, base: RuleBase) -> [RuleSpec] {
        var first = PatternSpec(template: edge.name, constraints: [])
        if random.chance(0.3) { first.constraints.append(.binary(.notEqual, .field("n"), .literal(literal(.int)))) }
        let baseRule = RuleSpec(
            name: "r0", conditions: [.match(binding: "e", first)],
            actions: [.derive(template: reach.name, fields: [("n", .binding("e", "n")), ("m", .binding("e", "m"))])])
        var conditions: [ConditionSpec]
        if random.chance(0.5) {
            conditions = [.match(binding: "r", PatternSpec(template: reach.name, constraints: [])),
                          .match(binding: "e", PatternSpec(template: edge.name, constraints: [.binary(.equal, .field("n"), .binding("r", "m"))]))]
        } else {
            conditions = [.match(binding: "e", PatternSpec(template: edge.name, constraints: [])),
                          .match(binding: "r", PatternSpec(template: reach.name, constraints: [.binary(.equal, .field("m"), .binding("e", "n"))]))]
        }
        let others = base.baseTemplates.filter { $0.name != edge.name }
        if !others.isEmpty, random.chance(0.4) {
            let blocker = random.pick(others)
            conditions.append(.not(PatternSpec(template: blocker.name, constraints: [.binary(.equal, .field("n"), .binding("e", "m"))])))
        }
        let stepRule = RuleSpec(
            name: "r1", conditions: conditions,
            actions: [.derive(template: reach.name, fields: [("n", .binding("r", "n")), ("m", .binding("e", "m"))])])
        return [baseRule, stepRule]
    }
}
