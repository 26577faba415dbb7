import AccordSyntax

extension Formatter {
    /// Renders the nodes that are always printed on one line: expressions, patterns,
    /// field values, types, fact references and string literals.
    ///
    /// Parentheses: the user's own are kept (`.group`), and others are added only where
    /// the tree could not be read back without them, following the parser's grammar:
    /// `binary(min) := prefix (op binary(op+1))*`, `prefix := not binary(4) | - prefix
    /// | postfix`. A tree that came from a parse never needs any.
    enum Inline {
        static func expression(_ expression: Expression) -> String {
            render(expression).text
        }

        /// The text of a node, and whether it ends in an unparenthesized prefix `not`,
        /// whose operand would swallow a following operator of precedence 4 or more.
        private static func render(_ expression: Expression) -> (text: String, openNot: Bool) {
            switch expression.kind {
            case .integer(let value): (String(value), false)
            case .float(let value): (float(value), false)
            case .boolean(let value): (value ? "true" : "false", false)
            case .string(let segments): (string(segments), false)
            case .list(let elements): ("[" + elements.map(self.expression).joined(separator: ", ") + "]", false)
            case .variable(let name): ("$" + name, false)
            case .field(let name): (name, false)
            case .member(let base, let field):
                (wrap(render(base), when: level(base) < postfixLevel).text + "." + field.name, false)
            case .unary(.negate, let operand):
                prefixed("-", wrap(render(operand), when: isBinary(operand)))
            case .unary(.not, let operand):
                prefixed("not ", wrap(render(operand), when: isBinary(operand) && level(operand) < OperatorPrecedence.prefixNot + 1))
            case .binary(let op, let left, let right):
                binary(op, left, right)
            case .call(let name, let arguments):
                (name.name + "(" + arguments.map(self.expression).joined(separator: ", ") + ")", false)
            case .aggregate(let function, let pattern, let value):
                (function.rawValue + "(" + ([self.pattern(pattern)] + (value.map { [self.expression($0)] } ?? [])).joined(separator: ", ") + ")", false)
            case .group(let inner):
                ("(" + self.expression(inner) + ")", false)
            }
        }

        private static func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> (text: String, openNot: Bool) {
            let precedence = op.precedence
            let leftText = render(left)
            let leftLevel = level(left)
            let leftNeeds = leftLevel < precedence || (op.isComparison && leftLevel == precedence)
                || (precedence > OperatorPrecedence.prefixNot && leftText.openNot)
            let rightNeeds = isBinary(right) && level(right) <= precedence
            let lhs = wrap(leftText, when: leftNeeds)
            let rhs = wrap(render(right), when: rightNeeds)
            return (lhs.text + " " + op.rawValue + " " + rhs.text, rhs.openNot)
        }

        private static func prefixed(_ op: String, _ operand: (text: String, openNot: Bool)) -> (text: String, openNot: Bool) {
            (op + operand.text, op == "not " || operand.openNot)
        }

        private static func wrap(_ rendered: (text: String, openNot: Bool), when needed: Bool) -> (text: String, openNot: Bool) {
            needed ? ("(" + rendered.text + ")", false) : rendered
        }

        private static let postfixLevel = 8

        /// How tightly a node binds: its operator's precedence, or 8 for postfix and
        /// primary forms.
        private static func level(_ expression: Expression) -> Int {
            switch expression.kind {
            case .binary(let op, _, _): op.precedence
            case .unary(.not, _): OperatorPrecedence.prefixNot
            case .unary(.negate, _): OperatorPrecedence.unaryMinus
            case .integer, .float, .boolean, .string, .list, .variable, .field, .member, .call, .aggregate, .group:
                postfixLevel
            }
        }

        private static func isBinary(_ expression: Expression) -> Bool {
            if case .binary = expression.kind { return true }
            return false
        }

        // MARK: - Literals

        /// The shortest text that reads back as the same `Double`, always with a `.` or
        /// an exponent so that it stays a float.
        static func float(_ value: Double) -> String {
            let text = value.description
            return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "n" || $0 == "i" }) ? text : text + ".0"
        }

        static func string(_ segments: [StringSegment]) -> String {
            var out = "\""
            for segment in segments {
                switch segment {
                case .text(let text): out += escaped(text)
                case .interpolation(let inner): out += "{" + expression(inner) + "}"
                }
            }
            return out + "\""
        }

        /// A string without interpolations: titles, citations, paths, test names.
        static func string(_ literal: StringLiteral) -> String {
            "\"" + escaped(literal.value) + "\""
        }

        static func escaped(_ text: String) -> String {
            StringEscaping.escaped(text)
        }

        // MARK: - Other one-line nodes

        static func pattern(_ pattern: Pattern) -> String {
            pattern.template.name + "(" + pattern.constraints.map(expression).joined(separator: ", ") + ")"
        }

        static func field(_ field: FieldValue) -> String {
            field.name.name + ": " + expression(field.value)
        }

        static func type(_ type: TypeSyntax) -> String {
            switch type.kind {
            case .named(let name): name
            case .list(let element): "[" + self.type(element) + "]"
            }
        }

        static func reference(_ reference: FactReference) -> String {
            reference.template.name + "[" + reference.key.map(expression).joined(separator: ", ") + "]"
        }

        /// A tag as written: bare when it reads back as one identifier, else quoted.
        static func tag(_ tag: Identifier) -> String {
            isPlainIdentifier(tag.name) ? tag.name : "\"" + escaped(tag.name) + "\""
        }

        static func isPlainIdentifier(_ name: String) -> Bool {
            let bytes = Array(name.utf8)
            guard let first = bytes.first, Keyword(rawValue: name) == nil else { return false }
            func letter(_ byte: UInt8) -> Bool {
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
            }
            return letter(first) && bytes.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
        }
    }
}
