/// One random rule of a `RandomRuleBase`: conditions drawn in random order (patterns,
/// `not`, `exists`, `test`), then a `derive` or `recommend` over what they bound.
/// It respects the strata (see `RandomRuleBase`): what it may match, negate and
/// aggregate depends on the stratum of what it derives.
struct RandomRule {
    let base: RuleBase
    let target: RandomRuleBase.Target
    /// Matches only lower strata: the rule that gives a derived template its first facts.
    let isFoundation: Bool
    let name: String
    var random: SplitMix64
    private var bindings: [(name: String, template: TemplateSpec)] = []
    /// Matches a template of its own stratum: may derive only copies and constants.
    private var isRecursive = false

    init(base: RuleBase, target: RandomRuleBase.Target, isFoundation: Bool, name: String, random: SplitMix64) {
        self.base = base
        self.target = target
        self.isFoundation = isFoundation
        self.name = name
        self.random = random
    }

    /// Base templates are stratum 0; recommendations come after every stratum.
    private var stratum: Int {
        switch target {
        case .derive(let template): template.stratum ?? 0
        case .recommend: Int.max
        }
    }

    private var matchable: [TemplateSpec] { isFoundation ? negatable : base.templates.filter { ($0.stratum ?? 0) <= stratum } }
    private var negatable: [TemplateSpec] { base.templates.filter { ($0.stratum ?? 0) < stratum } }

    private enum ConditionKind {
        case match, not, exists, test
    }

    mutating func make() -> RuleSpec {
        // Foundation rules are kept simple, so that derived templates usually have facts.
        let patternCount = random.pick(isFoundation ? [1, 1, 2] : [0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3])
        var kinds = Array(repeating: ConditionKind.match, count: patternCount)
        for _ in 0..<random.pick(isFoundation ? [0, 0, 1] : [0, 0, 1, 1, 1, 2]) { kinds.append(random.pick([.not, .exists, .test])) }
        if kinds.isEmpty { kinds = [random.pick([.not, .exists, .test])] }
        kinds = random.shuffled(kinds)
        // Most rules start with a pattern, as people write them; some start with a `not`.
        if let first = kinds.firstIndex(of: .match), random.chance(0.7) { kinds.swapAt(0, first) }
        var conditions: [ConditionSpec] = []
        for kind in kinds { conditions.append(condition(kind)) }
        var actions: [ActionSpec] = []
        switch target {
        case .derive(let template):
            actions.append(derive(template))
            if random.chance(0.15) { actions.append(recommend()) }
        case .recommend:
            actions.append(recommend())
        }
        return RuleSpec(name: name, conditions: conditions, actions: actions)
    }

    private mutating func condition(_ kind: ConditionKind) -> ConditionSpec {
        switch kind {
        case .match:
            let template = random.pick(matchable)
            // A pattern after the first is joined to what came before when it can be:
            // unjoined cross products (of derived facts above all) make programs that take
            // minutes in a debug build without testing more.
            let pattern = PatternSpec(template: template.name, constraints: constraints(for: template, joinChance: 1))
            if template.stratum != nil, template.stratum == stratum { isRecursive = true }
            // Unbound patterns still multiply matches; they produce the same results. The
            // first pattern is always bound, so that later ones can be joined to it.
            guard bindings.isEmpty || random.chance(0.85) else { return .match(binding: nil, pattern) }
            let binding = "v\(bindings.count)"
            bindings.append((binding, template))
            return .match(binding: binding, pattern)
        case .not:
            // `not T()` over a template with facts is simply false: a `not` is usually
            // joined to a binding or narrowed by a constant.
            let template = random.pick(negatable)
            var constraints = constraints(for: template, joinChance: 0.85)
            if constraints.isEmpty, random.chance(0.8) {
                let field = random.pick(template.fields)
                constraints.append(.binary(.equal, .field(field.name), .literal(literal(field.kind))))
            }
            return .not(PatternSpec(template: template.name, constraints: constraints))
        case .exists:
            // `exists` is monotone: it may look at its own stratum, as a positive pattern may.
            let template = random.pick(matchable)
            return .exists(PatternSpec(template: template.name, constraints: constraints(for: template)))
        case .test:
            return .test(test(depth: 0))
        }
    }

    // MARK: Constraints

    private mutating func constraints(for template: TemplateSpec, joinChance: Double = 0.6) -> [Expr] {
        var result: [Expr] = []
        if !bindings.isEmpty, random.chance(joinChance), let join = equalityJoin(template) { result.append(join) }
        for _ in 0..<random.pick([0, 0, 0, 0, 1, 1, 2]) { result.append(constraint(template)) }
        if random.chance(0.08) { result.append(aggregateConstraint(template)) }
        return result
    }

    /// An aggregate inside a pattern: compared with a constant, a binding, or a field of
    /// the fact being matched.
    private mutating func aggregateConstraint(_ template: TemplateSpec) -> Expr {
        let (aggregate, kind) = aggregate()
        let numeric = template.fields.filter(\.kind.isNumeric)
        if kind != .string, !numeric.isEmpty, random.chance(0.5) {
            return .binary(random.pick(BinaryOp.comparisons), .field(random.pick(numeric).name), aggregate)
        }
        return comparison(aggregate, kind)
    }

    /// `field == $v.field` on fields of compatible kinds, same names preferred.
    private mutating func equalityJoin(_ template: TemplateSpec) -> Expr? {
        var pairs: [(FieldSpec, Expr)] = []
        for field in template.fields {
            for (binding, bound) in bindings {
                for other in bound.fields where compatible(field.kind, other.kind) {
                    pairs.append((field, .binding(binding, other.name)))
                    if field.name == other.name { pairs.append((field, .binding(binding, other.name))) }
                }
            }
        }
        guard !pairs.isEmpty else { return nil }
        let (field, value) = random.pick(pairs)
        return random.chance(0.8) ? .binary(.equal, .field(field.name), value) : .binary(.equal, value, .field(field.name))
    }

    private mutating func constraint(_ template: TemplateSpec) -> Expr {
        let field = random.pick(template.fields)
        let roll = random.int(in: 0...99)
        if roll < 40 { return constant(field) }
        if roll < 60 {
            let partners = boundValues { compatible(field.kind, $0) }
            if !partners.isEmpty { return .binary(random.pick(BinaryOp.comparisons), .field(field.name), random.pick(partners)) }
            return constant(field)
        }
        if roll < 72, field.kind.isNumeric {
            let op = random.pick([BinaryOp.add, .subtract, .multiply, .remainder])
            let operand = Scalar.int(Int64(op == .remainder ? random.int(in: 2...3) : random.int(in: 1...3)))
            return .binary(random.pick(BinaryOp.comparisons), .binary(op, .field(field.name), .literal(operand)), .literal(literal(.int)))
        }
        if roll < 84 { return .binary(.or, constant(field), constant(random.pick(template.fields))) }
        if roll < 92 { return .not(constant(field)) }
        return .binary(.equal, .field(field.name), .literal(literal(field.kind)))
    }

    private mutating func constant(_ field: FieldSpec) -> Expr {
        .binary(random.pick(BinaryOp.comparisons), .field(field.name), .literal(literal(field.kind)))
    }

    // MARK: Tests and terms

    private mutating func test(depth: Int) -> Expr {
        let roll = random.int(in: 0...99)
        if roll < 35 { return aggregateComparison() }
        if roll < 60 { return .binary(random.pick(BinaryOp.comparisons), numericTerm(), numericTerm()) }
        if roll < 72 {
            let strings = boundValues { $0 == .string }
            if !strings.isEmpty {
                let other = random.chance(0.5) ? random.pick(strings) : .literal(literal(.string))
                return .binary(random.pick([.equal, .notEqual, .less]), random.pick(strings), other)
            }
        }
        if roll < 86, depth == 0 { return .binary(random.pick([.and, .or, .or]), test(depth: 1), test(depth: 1)) }
        if depth == 0 { return .not(test(depth: 1)) }
        return aggregateComparison()
    }

    private mutating func aggregateComparison() -> Expr {
        let (aggregate, kind) = aggregate()
        return comparison(aggregate, kind)
    }

    private mutating func comparison(_ aggregate: Expr, _ kind: FieldKind) -> Expr {
        if kind == .string {
            return .binary(random.pick(BinaryOp.comparisons), aggregate, .literal(literal(.string)))
        }
        let other = random.chance(0.7) ? Expr.literal(.int(Int64(random.int(in: 0...3)))) : numericTerm()
        return .binary(random.pick(BinaryOp.comparisons + [.notEqual, .greaterEqual, .lessEqual]), aggregate, other)
    }

    /// `count`, `sum`, `min`, `max` or `avg` over a template this rule may aggregate,
    /// often joined to a binding; with the kind of its value.
    private mutating func aggregate() -> (Expr, FieldKind) {
        let template = random.pick(negatable)
        var pattern = PatternSpec(template: template.name, constraints: [])
        if !bindings.isEmpty, random.chance(0.5), let join = equalityJoin(template) { pattern.constraints.append(join) }
        if random.chance(0.35) { pattern.constraints.append(constraint(template)) }
        let numeric = template.fields.filter(\.kind.isNumeric)
        let strings = template.fields.filter { $0.kind == .string }
        if !strings.isEmpty, random.chance(0.1) {
            let field = random.pick(strings)
            return (.aggregate(random.pick([.min, .max]), pattern, .field(field.name)), .string)
        }
        guard !numeric.isEmpty, random.chance(0.6) else { return (.aggregate(.count, pattern, nil), .int) }
        let field = random.pick(numeric)
        let function = random.pick([AggregateKind.sum, .min, .max, .avg])
        let value: Expr = random.chance(0.2) ? .binary(.multiply, .field(field.name), .literal(.int(2))) : .field(field.name)
        return (.aggregate(function, pattern, value), function == .avg ? .float : field.kind)
    }

    /// A number computed from the bindings (or an aggregate or a constant without them).
    private mutating func numericTerm() -> Expr {
        let numbers = boundValues(\.isNumeric)
        guard !numbers.isEmpty, random.chance(0.8) else {
            if random.chance(0.5) {
                let (aggregate, kind) = aggregate()
                if kind != .string { return aggregate }
            }
            return .literal(literal(random.chance(0.8) ? .int : .float))
        }
        let value = random.pick(numbers)
        switch random.int(in: 0...6) {
        case 0: return .binary(.add, value, random.pick(numbers))
        case 1: return .binary(.divide, value, .literal(.int(2)))
        case 2: return .binary(.multiply, value, .literal(.int(2)))
        case 3: return .call(random.pick([.min, .max]), [value, random.pick(numbers)])
        case 4: return .call(.abs, [.binary(.subtract, value, .literal(.int(2)))])
        case 5: return .binary(.add, .negate(value), .literal(.int(3)))
        default: return value
        }
    }

    // MARK: Actions

    private mutating func derive(_ template: TemplateSpec) -> ActionSpec {
        var fields: [(name: String, value: Expr)] = []
        for field in template.fields {
            if field.defaultValue != nil, random.chance(0.3) { continue }
            fields.append((field.name, derivedValue(field.kind)))
        }
        return .derive(template: template.name, fields: fields)
    }

    private mutating func derivedValue(_ kind: FieldKind) -> Expr {
        // An int copied into a float field widens, as the language says. Keys are not
        // copied: their domain is wide, and a recursive template over it grows past what
        // the naive evaluator can enumerate in a debug build.
        let copies = boundValues { $0 == kind || (kind == .float && $0 == .int) }.filter { !Self.isKey($0) }
        if isRecursive {
            return !copies.isEmpty && random.chance(0.85) ? random.pick(copies) : .literal(literal(kind))
        }
        let roll = random.int(in: 0...99)
        if roll < 50, !copies.isEmpty { return random.pick(copies) }
        if roll < 80 {
            let ints = boundValues { $0 == .int }.filter { !Self.isKey($0) }
            switch kind {
            case .int:
                if ints.count >= 1, random.chance(0.6) {
                    return random.chance(0.5)
                        ? .binary(.add, random.pick(ints), random.pick(ints))
                        : .binary(.remainder, random.pick(ints), .literal(.int(2)))
                }
                let (aggregate, aggregateKind) = aggregate()
                return aggregateKind == .int ? aggregate : .literal(literal(.int))
            case .float:
                let numbers = boundValues(\.isNumeric).filter { !Self.isKey($0) }
                if !numbers.isEmpty, random.chance(0.6) { return .binary(.divide, random.pick(numbers), .literal(.int(4))) }
                let (aggregate, aggregateKind) = aggregate()
                return aggregateKind.isNumeric ? aggregate : .literal(literal(.float))
            case .string:
                let strings = boundValues { $0 == .string }
                if !strings.isEmpty { return .binary(.add, random.pick(strings), random.chance(0.5) ? random.pick(strings) : .literal(literal(.string))) }
            }
        }
        return .literal(literal(kind))
    }

    private mutating func recommend() -> ActionSpec {
        var text: [TextPiece] = [.literal(random.pick(["advice", "act", "look"]))]
        let shown = boundValues { $0 != .float }
        if !shown.isEmpty {
            for _ in 0..<random.pick([0, 1, 1, 2]) {
                text.append(.literal(random.pick([" on ", " for ", " at "])))
                let value = random.pick(shown)
                let ints = boundValues { $0 == .int }
                text.append(.value(random.chance(0.15) && !ints.isEmpty ? .binary(.add, random.pick(ints), .literal(.int(1))) : value))
            }
        }
        let strings = boundValues { $0 == .string }
        var subject: Expr?
        let subjectRoll = random.int(in: 0...9)
        if subjectRoll >= 2 {
            subject = !strings.isEmpty && subjectRoll >= 5 ? random.pick(strings) : .literal(literal(.string))
        }
        return .recommend(text: text, subject: subject, score: score())
    }

    private mutating func score() -> Expr? {
        let numbers = boundValues(\.isNumeric)
        let roll = random.int(in: 0...9)
        if roll < 2 { return nil }
        if roll < 4 { return .literal(.float(random.pick([0.1, 0.25, 0.5, 0.75, 0.9]))) }
        if roll < 6, !numbers.isEmpty { return .binary(.divide, random.pick(numbers), .literal(.int(4))) }
        if roll < 8 {
            let (aggregate, kind) = aggregate()
            return kind == .string ? .literal(.float(0.3)) : .binary(.multiply, .literal(.float(0.1)), aggregate)
        }
        if roll == 8, !numbers.isEmpty {
            return .call(.min, [.literal(.float(0.9)), .binary(.add, .literal(.float(0.1)), random.pick(numbers))])
        }
        return numbers.isEmpty ? .literal(.int(1)) : random.pick(numbers)
    }

    // MARK: Helpers

    /// `$v.field` for every bound field whose kind passes.
    private func boundValues(_ accepts: (FieldKind) -> Bool) -> [Expr] {
        bindings.flatMap { binding, template in
            template.fields.filter { accepts($0.kind) }.map { Expr.binding(binding, $0.name) }
        }
    }

    private static func isKey(_ expression: Expr) -> Bool {
        if case .binding(_, "id") = expression { true } else { false }
    }

    private func compatible(_ a: FieldKind, _ b: FieldKind) -> Bool {
        a == b || (a.isNumeric && b.isNumeric)
    }

    private mutating func literal(_ kind: FieldKind) -> Scalar {
        RandomRuleBase.literal(kind, using: &random)
    }
}
