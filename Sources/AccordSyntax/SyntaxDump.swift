/// A span-free, indented S-expression rendering of a whole syntax tree: every
/// declaration, clause, condition, action and expression node, with operators, exact
/// literal values and string segments. Two sources that dump equally are the same
/// program, whatever their layout and comments; the formatter proves its output with
/// it, and parser golden tests pin trees with it.
///
/// Shape: `(head atom... child...)`. A node is printed on one line when that line is
/// at most 80 bytes of UTF-8; otherwise its leading atoms stay on the first line and every
/// further element goes on its own line, two spaces deeper. Strings are quoted with
/// `\"`, `\\`, `\n`, `\t`, `\r` and `\u{..}` escapes; floats print the shortest text
/// that reads back as the same `Double`.
public enum SyntaxDump {
    public static func dump(_ unit: SourceUnit) -> String {
        render(.list([.atom("unit")] + unit.declarations.map(declaration)), indent: 0) + "\n"
    }

    public static func dump(_ expression: Expression) -> String {
        render(self.expression(expression), indent: 0) + "\n"
    }

    /// True when the two units dump equally: the same program, whatever the layout.
    /// Faster than comparing the dumps' text, for checks on whole files.
    public static func sameProgram(_ lhs: SourceUnit, _ rhs: SourceUnit) -> Bool {
        guard lhs.declarations.count == rhs.declarations.count else { return false }
        return zip(lhs.declarations, rhs.declarations).allSatisfy { declaration($0) == declaration($1) }
    }

    static let width = 80

    indirect enum Node: Equatable {
        case atom(String)
        case list([Node])
    }

    // MARK: - Declarations

    static func declaration(_ declaration: Declaration) -> Node {
        switch declaration {
        case .import(let d):
            return node("import", quoted(d.path.value))
        case .template(let d):
            var items: [Node] = [.atom(d.name.name)]
            if !d.key.isEmpty { items.append(node("key", d.key.map { .atom($0.name) })) }
            for field in d.fields {
                var parts: [Node] = [.atom(field.name.name), .atom(typeText(field.type))]
                if let value = field.defaultValue { parts.append(node("default", expression(value))) }
                items.append(node("field", parts))
            }
            return node("template", items)
        case .facts(let d):
            return node("facts", d.entries.map { entry in
                node("fact", [record(entry.record)] + cite(entry.cite))
            })
        case .factsFrom(let d):
            return node("facts-from", [.atom(d.template.name), quoted(d.path.value)] + cite(d.cite))
        case .rule(let d):
            var items: [Node] = [.atom(d.name.name)]
            if let title = d.title { items.append(node("title", quoted(title.value))) }
            if let salience = d.salience { items.append(node("salience", expression(salience))) }
            if !d.tags.isEmpty { items.append(node("tags", d.tags.map { quoted($0.name) })) }
            items += cite(d.cite)
            items.append(node("when", d.conditions.map(condition)))
            items.append(node("then", d.actions.map(action)))
            return node("rule", items)
        case .scenario(let d):
            var items: [Node] = [.atom(d.name.name)]
            if let title = d.title { items.append(node("title", quoted(title.value))) }
            if let parent = d.parent { items.append(node("extends", .atom(parent.name))) }
            return node("scenario", items + d.changes.map(change))
        case .test(let d):
            return node("test", [quoted(d.name.value)] + d.givens.map(given) + d.expectations.map(expectation))
        }
    }

    static func cite(_ literal: StringLiteral?) -> [Node] {
        literal.map { [node("cite", quoted($0.value))] } ?? []
    }

    static func typeText(_ type: TypeSyntax) -> String {
        switch type.kind {
        case .named(let name): name
        case .list(let element): "[\(typeText(element))]"
        }
    }

    static func record(_ record: Record) -> Node {
        node("record", [.atom(record.template.name)] + record.fields.map(fieldValue))
    }

    static func fieldValue(_ field: FieldValue) -> Node {
        node("set", .atom(field.name.name), expression(field.value))
    }

    static func pattern(_ pattern: Pattern) -> Node {
        node("pattern", [.atom(pattern.template.name)] + pattern.constraints.map(expression))
    }

    static func condition(_ condition: Condition) -> Node {
        switch condition {
        case .match(let binding, let p, _):
            node("match", (binding.map { [Node.atom("$" + $0.name)] } ?? []) + [pattern(p)])
        case .not(let p, _): node("not", pattern(p))
        case .exists(let p, _): node("exists", pattern(p))
        case .test(let e, _): node("test", expression(e))
        }
    }

    static func action(_ action: Action) -> Node {
        switch action {
        case .recommend(let text, let fields, _): node("recommend", [expression(text)] + fields.map(fieldValue))
        case .derive(let r, _): node("derive", record(r))
        case .assert(let r, _): node("assert", record(r))
        case .retract(let variable, _): node("retract", .atom("$" + variable.name))
        case .modify(let variable, let fields, _): node("modify", [.atom("$" + variable.name)] + fields.map(fieldValue))
        case .print(let e, _): node("print", expression(e))
        case .halt: node("halt", [])
        }
    }

    static func change(_ change: Change) -> Node {
        switch change {
        case .assert(let r, let citation, _): node("assert", [record(r)] + cite(citation))
        case .modify(let reference, let fields, _): node("modify", [factReference(reference)] + fields.map(fieldValue))
        case .retract(let reference, _): node("retract", factReference(reference))
        }
    }

    static func factReference(_ reference: FactReference) -> Node {
        node("ref", [.atom(reference.template.name)] + reference.key.map(expression))
    }

    static func given(_ given: TestDeclaration.Given) -> Node {
        switch given {
        case .scenario(let name): node("given-scenario", .atom(name.name))
        case .inline(let changes, _): node("given", changes.map(change))
        }
    }

    static func expectation(_ expectation: Expectation) -> Node {
        let head: Node = .atom(expectation.negated ? "expect-no" : "expect")
        switch expectation.kind {
        case .recommend(let rule, let subject, let score):
            var items: [Node] = [head, .atom("recommend"), .atom(rule.name)]
            if let subject { items.append(node("for", expression(subject))) }
            if let score { items.append(node("score", .atom(score.comparison.rawValue), expression(score.value))) }
            return .list(items)
        case .fact(let p):
            return .list([head, .atom("fact"), pattern(p)])
        }
    }

    // MARK: - Expressions

    static func expression(_ expression: Expression) -> Node {
        switch expression.kind {
        case .integer(let value): node("int", .atom(String(value)))
        case .float(let value): node("float", .atom(value.description))
        case .boolean(let value): node("bool", .atom(value ? "true" : "false"))
        case .string(let segments):
            node("string", segments.map { segment in
                switch segment {
                case .text(let text): quoted(text)
                case .interpolation(let inner): node("interp", self.expression(inner))
                }
            })
        case .list(let elements): node("list", elements.map(self.expression))
        case .variable(let name): .atom("$" + name)
        case .field(let name): node("field", .atom(name))
        case .member(let base, let name): node("member", self.expression(base), .atom(name.name))
        case .unary(let op, let operand): node(op == .negate ? "neg" : "not", self.expression(operand))
        case .binary(let op, let left, let right):
            node(op.rawValue.split(separator: " ").joined(separator: "-"), self.expression(left), self.expression(right))
        case .call(let name, let arguments): node("call", [.atom(name.name)] + arguments.map(self.expression))
        case .aggregate(let function, let p, let value):
            node("aggregate", [.atom(function.rawValue), pattern(p)] + (value.map { [self.expression($0)] } ?? []))
        case .group(let inner): node("group", self.expression(inner))
        }
    }

    // MARK: - Rendering

    static func node(_ head: String, _ items: [Node]) -> Node { .list([.atom(head)] + items) }
    static func node(_ head: String, _ items: Node...) -> Node { .list([.atom(head)] + items) }

    static func quoted(_ text: String) -> Node {
        .atom(StringEscaping.literal(text))
    }

    static func flat(_ node: Node) -> String {
        switch node {
        case .atom(let text): text
        case .list(let items): "(" + items.map(flat).joined(separator: " ") + ")"
        }
    }

    /// The node's one-line length, or nil as soon as it exceeds `budget`.
    static func flatLength(_ node: Node, budget: Int) -> Int? {
        switch node {
        case .atom(let text):
            let length = text.utf8.count
            return length <= budget ? length : nil
        case .list(let items):
            var total = 1 + max(0, items.count - 1) + 1
            for item in items {
                guard total <= budget, let length = flatLength(item, budget: budget - total) else { return nil }
                total += length
            }
            return total <= budget ? total : nil
        }
    }

    static func render(_ node: Node, indent: Int) -> String {
        guard case .list(let items) = node, flatLength(node, budget: width - indent) == nil else { return flat(node) }
        let leading = items.prefix { if case .atom = $0 { true } else { false } }
        let pad = "\n" + String(repeating: " ", count: indent + 2)
        var out = "(" + leading.map(flat).joined(separator: " ")
        for item in items.dropFirst(leading.count) {
            out += pad + render(item, indent: indent + 2)
        }
        return out + ")"
    }
}
