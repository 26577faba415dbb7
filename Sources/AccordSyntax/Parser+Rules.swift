extension Parser {
    /// `rule name { header clauses; when conditions; then actions }`.
    mutating func parseRule() throws -> RuleDeclaration {
        let start = advance()
        let name = try expectIdentifier("a rule name")
        try expect(.leftBrace, "to open the rule body")
        let open = previous
        var header = RuleHeader()
        while !current.isKeyword(.when), !current.isKeyword(.then), !current.isPunctuation(.rightBrace) {
            if current.isEndOfFile || atDeclarationKeyword {
                throw fail("parse.expected-token", "expected `when` or `then` in rule `\(name.name)`", at: current,
                           notes: [.init("the rule opens here", span: span(open))])
            }
            let before = position
            do {
                try parseRuleHeaderClause(&header)
                try expectItemSeparator("a rule clause")
            } catch {
                if current.isEndOfFile || atDeclarationKeyword { throw error }
                recoverToNextItem(itemStart: before, stopAt: [.when, .then])
            }
        }
        var conditions: [Condition] = []
        if current.isKeyword(.when) {
            advance()
            conditions = try parseConditions()
        }
        var actions: [Action] = []
        if current.isKeyword(.then) {
            advance()
            actions = try parseActions()
        } else if !current.isPunctuation(.rightBrace) || conditions.isEmpty {
            report("parse.expected-token", "expected `then` and the rule's actions, found \(current.display)", at: current)
        } else {
            report("parse.expected-token", "expected `then` before the end of rule `\(name.name)`", at: current)
        }
        try closeBlock(open, "rule")
        return RuleDeclaration(
            name: name, title: header.title, salience: header.salience, tags: header.tags, cite: header.cite,
            conditions: conditions, actions: actions, span: span(from: start))
    }

    struct RuleHeader {
        var title: StringLiteral?
        var salience: Expression?
        var tags: [Identifier] = []
        var cite: StringLiteral?
        var seen: [String: SourceSpan] = [:]
    }

    mutating func parseRuleHeaderClause(_ header: inout RuleHeader) throws {
        let word = current
        guard let clause = word.identifier, ["title", "salience", "tags", "cite"].contains(clause) else {
            throw fail("parse.expected-token",
                       "expected `title`, `salience`, `tags`, `cite`, `when` or `then`, found \(current.display)", at: current)
        }
        advance()
        if let earlier = header.seen[clause] {
            report("parse.duplicate-clause", "duplicate `\(clause)` clause", at: word,
                   notes: [.init("the first `\(clause)` is here", span: earlier)])
        }
        header.seen[clause] = span(word)
        switch clause {
        case "title": header.title = try expectString("a title after `title`")
        case "cite": header.cite = try expectString("a citation after `cite`")
        case "salience": header.salience = try parseExpression()
        default:
            var tags = [try parseTag()]
            while consume(.comma) { tags.append(try parseTag(afterComma: true)) }
            header.tags = tags
        }
    }

    /// Tags are words or strings: `tags innovation, "cross-border"`.
    mutating func parseTag(afterComma: Bool = false) throws -> Identifier {
        if case .string = current.kind {
            let literal = try expectString("a tag")
            return Identifier(literal.value, span: literal.span)
        }
        return try expectIdentifier("a tag", allowNewline: afterComma)
    }

    mutating func closeBlock(_ open: Token, _ what: String) throws {
        guard current.isPunctuation(.rightBrace) else {
            throw unexpected("parse.expected-token", "expected `}` to close the \(what)",
                       notes: [.init("the \(what) opens here", span: span(open))])
        }
        advance()
    }

    // MARK: - Conditions

    mutating func parseConditions() throws -> [Condition] {
        var conditions: [Condition] = []
        while !current.isKeyword(.then), !current.isPunctuation(.rightBrace) {
            if current.isEndOfFile || atDeclarationKeyword { return conditions }
            let before = position
            do {
                conditions.append(try parseCondition())
                try expectItemSeparator("a condition")
            } catch {
                if current.isEndOfFile || atDeclarationKeyword { throw error }
                recoverToNextItem(itemStart: before, stopAt: [.then])
            }
            _ = consume(.semicolon)
        }
        return conditions
    }

    mutating func parseCondition() throws -> Condition {
        let start = current
        switch current.kind {
        case .variable(let name):
            advance()
            let binding = Identifier(name, span: span(start))
            try expect(.colon, "after `$\(name)` to bind a pattern")
            let pattern = try parsePattern()
            return .match(binding: binding, pattern, span: span(from: start))
        case .keyword(.test):
            advance()
            try expectOnSameLine("an expression after `test`")
            let expression = try parseExpression()
            return .test(expression, span: span(from: start))
        case .identifier(let word) where (word == "not" || word == "exists") && peek().isPunctuation(.leftParen):
            throw fail("parse.expected-pattern", "`\(word)` takes a pattern without parentheses around it", at: peek(),
                       notes: [.init("write `\(word) Template(...)`")])
        case .identifier(let word) where word == "not" || word == "exists":
            advance()
            guard current.identifier != nil, !current.newlineBefore, peek().isPunctuation(.leftParen) else {
                throw unexpected("parse.expected-pattern", "expected a pattern `Template(...)` after `\(word)`")
            }
            let pattern = try parsePattern()
            return word == "not" ? .not(pattern, span: span(from: start)) : .exists(pattern, span: span(from: start))
        case .identifier where peek().isPunctuation(.leftParen):
            let pattern = try parsePattern(atItemStart: true)
            return .match(binding: nil, pattern, span: span(from: start))
        default:
            throw fail("parse.expected-condition",
                       "expected a condition (`$v: Template(...)`, `Template(...)`, `not`, `exists` or `test`), found \(current.display)",
                       at: current)
        }
    }

    /// `Template(constraint, ...)`.
    mutating func parsePattern(atItemStart: Bool = false) throws -> Pattern {
        let start = current
        let template = try expectIdentifier("a template name", allowNewline: atItemStart)
        guard current.isPunctuation(.leftParen) else {
            throw unexpected("parse.expected-token", "expected `(` after template `\(template.name)` in a pattern")
        }
        let open = advance()
        var constraints: [Expression] = []
        try nested(at: open) { parser in
            while !parser.current.isPunctuation(.rightParen) {
                constraints.append(try parser.parseExpression())
                if !parser.consume(.comma) { break }
            }
        }
        try expect(.rightParen, "to close the pattern on `\(template.name)`")
        return Pattern(template: template, constraints: constraints, span: span(from: start))
    }

    // MARK: - Actions

    mutating func parseActions() throws -> [Action] {
        var actions: [Action] = []
        while !current.isPunctuation(.rightBrace) {
            if current.isEndOfFile || atDeclarationKeyword { return actions }
            let before = position
            do {
                actions.append(try parseAction())
                try expectItemSeparator("an action")
            } catch {
                if current.isEndOfFile || atDeclarationKeyword { throw error }
                recoverToNextItem(itemStart: before)
            }
            _ = consume(.semicolon)
        }
        return actions
    }

    mutating func parseAction() throws -> Action {
        let start = current
        guard let word = current.identifier else {
            throw fail("parse.expected-action", "expected an action (`recommend`, `derive`, `assert`, `retract`, `modify`, `print` or `halt`), found \(current.display)", at: current)
        }
        switch word {
        case "recommend":
            advance()
            try expectOnSameLine("the recommendation's text after `recommend`")
            let text = try parseExpression()
            var fields: [FieldValue] = []
            if current.isPunctuation(.leftBrace) {
                fields = try parseFieldValues("of the recommendation")
            }
            return .recommend(text: text, fields: fields, span: span(from: start))
        case "derive", "assert":
            advance()
            let record = try parseRecord()
            return word == "derive" ? .derive(record, span: span(from: start)) : .assert(record, span: span(from: start))
        case "retract":
            advance()
            return .retract(variable: try expectVariable("retract"), span: span(from: start))
        case "modify":
            advance()
            let variable = try expectVariable("modify")
            let fields = try parseFieldValues("to change")
            return .modify(variable: variable, fields: fields, span: span(from: start))
        case "print":
            advance()
            try expectOnSameLine("an expression after `print`")
            return .print(try parseExpression(), span: span(from: start))
        case "halt":
            advance()
            return .halt(span: span(from: start))
        default:
            throw fail("parse.expected-action", "expected an action (`recommend`, `derive`, `assert`, `retract`, `modify`, `print` or `halt`), found \(current.display)", at: current)
        }
    }

    mutating func expectVariable(_ action: String) throws -> Identifier {
        guard case .variable(let name) = current.kind else {
            throw unexpected("parse.expected-variable", "expected a `$variable` after `\(action)`")
        }
        let token = advance()
        return Identifier(name, span: span(token))
    }
}
