/// Accord source for a rule base: in canonical order (templates, facts, rules), or
/// shuffled the way a user could have spread it over files. Every expression that is an
/// operand is parenthesised, so the text means exactly the structure, whatever the
/// precedence table says.
extension RuleBase {
    var text: String {
        declarations(factBlocks: [facts], rules: rules).joined(separator: "\n")
    }

    /// The same rule base with its facts and rules in another order, the facts split over
    /// several `facts` blocks, and the declarations grouped into "files" in random order
    /// (the loader accepts declarations in any order).
    func shuffledText(using random: inout SplitMix64) -> String {
        let facts = random.shuffled(facts)
        var blocks: [[FactSpec]] = []
        var start = 0
        while start < facts.count {
            let length = random.int(in: 1...min(8, facts.count - start))
            blocks.append(Array(facts[start..<min(facts.count, start + length)]))
            start += length
        }
        let declarations = random.shuffled(declarations(factBlocks: blocks, rules: random.shuffled(rules)))
        let fileCount = random.int(in: 1...3)
        var files = Array(repeating: [String](), count: fileCount)
        for declaration in declarations {
            files[random.int(in: 0...(fileCount - 1))].append(declaration)
        }
        return files.enumerated().map { index, file in
            (["// file \(index + 1)"] + file).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    private func declarations(factBlocks: [[FactSpec]], rules: [RuleSpec]) -> [String] {
        templates.map(Self.render(template:))
            + factBlocks.filter { !$0.isEmpty }.map(render(facts:))
            + rules.map(Self.render(rule:))
    }

    /// `Template { field: value, ... }`, as facts read in programs and reports.
    func describe(_ fact: Fact) -> String {
        let fields = template(named: fact.template).fields
        return "\(fact.template) { " + zip(fields, fact.values).map { "\($0.name): \($1)" }.joined(separator: ", ") + " }"
    }

    func describe(_ change: FactChange) -> String {
        switch change {
        case .assert(let template, let fields): "assert \(template) { \(Self.render(fields)) }"
        case .retract(let fact): "retract \(describe(fact))"
        case .modify(let fact, let fields): "modify \(describe(fact)) to { \(Self.render(fields)) }"
        }
    }

    private static func render(_ fields: [(name: String, value: Scalar)]) -> String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
    }

    static func render(template: TemplateSpec) -> String {
        var lines = ["template \(template.name) {"]
        if let key = template.key { lines.append("  key \(key)") }
        for field in template.fields {
            let defaultValue = field.defaultValue.map { " = \($0)" } ?? ""
            lines.append("  \(field.name): \(field.kind.rawValue)\(defaultValue)")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func render(facts: [FactSpec]) -> String {
        let lines = facts.map { fact in
            "  \(fact.template) { " + fact.given.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + " }"
        }
        return (["facts {"] + lines + ["}"]).joined(separator: "\n")
    }

    static func render(rule: RuleSpec) -> String {
        var lines = ["rule \(rule.name) {"]
        if !rule.conditions.isEmpty {
            lines.append("  when")
            lines += rule.conditions.map { "    " + render(condition: $0) }
        }
        lines.append("  then")
        lines += rule.actions.map { "    " + render(action: $0) }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    static func render(condition: ConditionSpec) -> String {
        switch condition {
        case .match(let binding, let pattern): (binding.map { "$\($0): " } ?? "") + render(pattern: pattern)
        case .not(let pattern): "not " + render(pattern: pattern)
        case .exists(let pattern): "exists " + render(pattern: pattern)
        case .test(let expression): "test " + render(expression)
        }
    }

    static func render(pattern: PatternSpec) -> String {
        "\(pattern.template)(" + pattern.constraints.map { render($0) }.joined(separator: ", ") + ")"
    }

    static func render(action: ActionSpec) -> String {
        switch action {
        case .derive(let template, let fields):
            return "derive \(template) { " + fields.map { "\($0.name): \(render($0.value))" }.joined(separator: ", ") + " }"
        case .recommend(let text, let subject, let score):
            var fields: [String] = []
            if let subject { fields.append("subject: " + render(subject)) }
            if let score { fields.append("score: " + render(score)) }
            let block = fields.isEmpty ? "" : " { " + fields.joined(separator: ", ") + " }"
            return "recommend " + render(text: text) + block
        }
    }

    static func render(text: [TextPiece]) -> String {
        "\"" + text.map { piece in
            switch piece {
            case .literal(let words): words
            case .value(let expression): "{" + render(expression) + "}"
            }
        }.joined() + "\""
    }

    /// Top-level expressions go bare (so `n == $a.n` stays a hashable join equality);
    /// operands are parenthesised when they are operators themselves.
    static func render(_ expression: Expr) -> String {
        switch expression {
        case .literal(let value): value.description
        case .field(let name): name
        case .binding(let binding, let field): "$\(binding).\(field)"
        case .binary(let op, let lhs, let rhs): "\(operand(lhs)) \(op.rawValue) \(operand(rhs))"
        case .not(let inner): "not \(operand(inner))"
        case .negate(let inner): "-\(operand(inner))"
        case .call(let function, let arguments):
            "\(function.rawValue)(" + arguments.map { render($0) }.joined(separator: ", ") + ")"
        case .aggregate(let function, let pattern, let value):
            "\(function.rawValue)(" + render(pattern: pattern) + (value.map { ", " + render($0) } ?? "") + ")"
        }
    }

    private static func operand(_ expression: Expr) -> String {
        switch expression {
        case .binary, .not, .negate: "(" + render(expression) + ")"
        case .literal, .field, .binding, .call, .aggregate: render(expression)
        }
    }
}
