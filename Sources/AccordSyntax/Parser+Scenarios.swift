extension Parser {
    /// `scenario name { title "..."; extends parent; assert/modify/retract ... }`.
    mutating func parseScenario() throws -> ScenarioDeclaration {
        let start = advance()
        let name = try expectIdentifier("a scenario name")
        try expect(.leftBrace, "to open the scenario body")
        var title: StringLiteral?
        var parent: Identifier?
        var changes: [Change] = []
        try parseBlockItems(closing: "scenario") { parser in
            if parser.current.isWord("title"), case .string = parser.peek().kind {
                let word = parser.advance()
                if let earlier = title {
                    parser.report("parse.duplicate-clause", "duplicate `title` clause", at: word,
                                  notes: [.init("the first `title` is here", span: earlier.span)])
                }
                title = try parser.expectString("a title")
            } else if parser.current.isWord("extends") {
                let word = parser.advance()
                let named = try parser.expectIdentifier("a scenario name after `extends`")
                if parent != nil {
                    parser.report("parse.duplicate-clause", "a scenario extends at most one scenario", at: word)
                }
                parent = named
            } else {
                changes.append(try parser.parseChange())
            }
            try parser.expectItemSeparator("a scenario entry")
        }
        return ScenarioDeclaration(name: name, title: title, parent: parent, changes: changes, span: span(from: start))
    }

    /// `assert T { ... } [cite "..."]`, `modify T[key] { ... }`, `retract T[key]`.
    mutating func parseChange() throws -> Change {
        let start = current
        switch current.identifier {
        case "assert":
            advance()
            let record = try parseRecord()
            let cite = try parseOptionalCite()
            return .assert(record, cite: cite, span: span(from: start))
        case "modify":
            advance()
            let reference = try parseFactReference()
            let fields = try parseFieldValues("to change")
            return .modify(reference, fields: fields, span: span(from: start))
        case "retract":
            advance()
            return .retract(try parseFactReference(), span: span(from: start))
        default:
            throw fail("parse.expected-change",
                       "expected `assert`, `modify` or `retract`, found \(current.display)", at: current)
        }
    }

    /// `Template["key"]`, `Template[17]`, `Template["a", "b"]`.
    public mutating func parseFactReference() throws -> FactReference {
        let start = current
        let template = try expectIdentifier("a template name")
        guard current.isPunctuation(.leftBracket) else {
            throw unexpected("parse.expected-token", "expected `[` and a key after `\(template.name)` (facts are addressed as `\(template.name)[\"key\"]`)")
        }
        advance()
        var key: [Expression] = [try parseExpression()]
        while consume(.comma) {
            key.append(try parseExpression())
        }
        try expect(.rightBracket, "to close the key")
        return FactReference(template: template, key: key, span: span(from: start))
    }

    // MARK: - Tests

    /// `test "name" { given ...; expect ... }`.
    mutating func parseTest() throws -> TestDeclaration {
        let start = advance()
        let name = try expectString("a test name")
        try expect(.leftBrace, "to open the test body")
        var givens: [TestDeclaration.Given] = []
        var expectations: [Expectation] = []
        try parseBlockItems(closing: "test") { parser in
            if parser.current.isWord("given") {
                givens.append(try parser.parseGiven())
            } else if parser.current.isWord("expect") {
                expectations.append(try parser.parseExpectation())
            } else {
                throw parser.fail("parse.expected-token", "expected `given` or `expect`, found \(parser.current.display)", at: parser.current)
            }
            try parser.expectItemSeparator("a test entry")
        }
        return TestDeclaration(name: name, givens: givens, expectations: expectations, span: span(from: start))
    }

    mutating func parseGiven() throws -> TestDeclaration.Given {
        let start = advance()
        if current.isPunctuation(.leftBrace) {
            advance()
            var changes: [Change] = []
            try parseBlockItems(closing: "given block") { parser in
                changes.append(try parser.parseChange())
                try parser.expectItemSeparator("a change")
            }
            return .inline(changes, span: span(from: start))
        }
        return .scenario(try expectIdentifier("a scenario name or `{` after `given`"))
    }

    mutating func parseExpectation() throws -> Expectation {
        let start = advance()
        var negated = false
        if current.isWord("no") {
            advance()
            negated = true
        }
        if current.isWord("recommend") {
            advance()
            let rule = try expectIdentifier("a rule name after `recommend`")
            var subject: Expression?
            var score: Expectation.ScoreBound?
            if current.isWord("for"), !current.newlineBefore {
                advance()
                subject = try parseExpression()
            }
            if current.isWord("with"), !current.newlineBefore {
                let withToken = advance()
                guard current.isWord("score") else {
                    throw unexpected("parse.expected-token", "expected `score` after `with`")
                }
                advance()
                let comparison = try parseComparisonOperator()
                let value = try parseExpression()
                score = .init(comparison: comparison, value: value, span: span(from: withToken))
            }
            return Expectation(negated: negated, kind: .recommend(rule: rule, subject: subject, score: score), span: span(from: start))
        }
        if current.isWord("fact") {
            advance()
            let pattern = try parsePattern()
            return Expectation(negated: negated, kind: .fact(pattern), span: span(from: start))
        }
        throw fail("parse.expected-token", "expected `recommend` or `fact` after `expect\(negated ? " no" : "")`, found \(current.display)", at: current)
    }

    mutating func parseComparisonOperator() throws -> BinaryOperator {
        if case .punctuation(let punctuation) = current.kind,
           let comparison = BinaryOperator(rawValue: punctuation.rawValue), comparison.isComparison {
            advance()
            return comparison
        }
        throw unexpected("parse.expected-token", "expected a comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`)")
    }
}
