extension Parser {
    mutating func parseDeclarations() -> [Declaration] {
        var declarations: [Declaration] = []
        while !current.isEndOfFile {
            if LoadLimits.current.isCancelled() {
                stopInterrupted()
                break
            }
            guard case .keyword(let keyword) = current.kind, keyword.isDeclaration else {
                report("parse.expected-declaration",
                       "expected a declaration (`import`, `template`, `facts`, `rule`, `scenario` or `test`), found \(current.display)",
                       at: current)
                skipToDeclaration()
                continue
            }
            let before = position
            do {
                declarations.append(try parseDeclaration(keyword))
            } catch {
                if position == before || !atDeclarationKeyword { skipToDeclaration() }
            }
        }
        return declarations
    }

    mutating func skipToDeclaration() {
        advance()
        while !current.isEndOfFile, !atDeclarationKeyword { advance() }
    }

    mutating func parseDeclaration(_ keyword: Keyword) throws -> Declaration {
        switch keyword {
        case .import: .import(try parseImport())
        case .template: .template(try parseTemplate())
        case .facts: try parseFacts()
        case .rule: .rule(try parseRule())
        case .scenario: .scenario(try parseScenario())
        case .test: .test(try parseTest())
        case .when, .then:
            throw fail("parse.expected-declaration", "`\(keyword.rawValue)` may only appear inside a rule", at: current)
        }
    }

    mutating func parseImport() throws -> ImportDeclaration {
        let start = advance()
        let path = try expectString("a file path after `import`")
        return ImportDeclaration(path: path, span: span(from: start))
    }

    // MARK: - Templates

    mutating func parseTemplate() throws -> TemplateDeclaration {
        let start = advance()
        let name = try expectIdentifier("a template name")
        try expect(.leftBrace, "to open the template body")
        var key: [Identifier] = []
        var keySpan: SourceSpan?
        var fields: [FieldDeclaration] = []
        try parseBlockItems(closing: "template") { parser in
            if parser.current.isWord("key"), !parser.peek().isPunctuation(.colon) {
                let keyToken = parser.advance()
                if let earlier = keySpan {
                    parser.report("parse.duplicate-key-clause", "a template has one `key` clause", at: keyToken,
                                  notes: [.init("the first `key` clause is here", span: earlier)])
                }
                var names = [try parser.expectIdentifier("a field name after `key`")]
                while parser.consume(.comma) {
                    names.append(try parser.expectIdentifier("a field name in `key`", allowNewline: true))
                }
                key = names
                keySpan = parser.span(from: keyToken)
            } else {
                fields.append(try parser.parseFieldDeclaration())
            }
            if !parser.consume(.comma) {
                try parser.expectItemSeparator("a template member")
            }
        }
        return TemplateDeclaration(name: name, key: key, keySpan: keySpan, fields: fields, span: span(from: start))
    }

    mutating func parseFieldDeclaration() throws -> FieldDeclaration {
        let start = current
        let name = try expectIdentifier("a field name or `key`", allowNewline: true, fieldName: true)
        try expect(.colon, "after the field name")
        let type = try parseType()
        var defaultValue: Expression?
        if consume(.assign) {
            defaultValue = try parseExpression()
        }
        return FieldDeclaration(name: name, type: type, defaultValue: defaultValue, span: span(from: start))
    }

    mutating func parseType() throws -> TypeSyntax {
        let start = current
        if consume(.leftBracket) {
            let element = try nested(at: start) { try $0.parseType() }
            try expect(.rightBracket, "to close the list type")
            return TypeSyntax(kind: .list(element), span: span(from: start))
        }
        let name = try expectIdentifier("a type (`string`, `int`, `float`, `bool` or `[T]`)")
        return TypeSyntax(kind: .named(name.name), span: name.span)
    }

    // MARK: - Facts

    mutating func parseFacts() throws -> Declaration {
        let start = advance()
        if case .identifier = current.kind, peek().isWord("from") {
            let template = try expectIdentifier("a template name")
            advance()
            let path = try expectString("a CSV file path after `from`")
            let cite = try parseOptionalCite()
            return .factsFrom(FactsFromDeclaration(template: template, path: path, cite: cite, span: span(from: start)))
        }
        try expect(.leftBrace, "or `Template from \"file.csv\"` after `facts`")
        var entries: [FactsDeclaration.Entry] = []
        try parseBlockItems(closing: "facts block") { parser in
            // A block of a million facts is one declaration: look for Ctrl-C within it too.
            if entries.count % 1024 == 1023, LoadLimits.current.isCancelled() {
                parser.stopInterrupted()
                throw Abort()
            }
            let entryStart = parser.current
            let record = try parser.parseRecord(atItemStart: true)
            let cite = try parser.parseOptionalCite()
            entries.append(.init(record: record, cite: cite, span: parser.span(from: entryStart)))
            if !parser.consume(.comma) {
                try parser.expectItemSeparator("a fact")
            }
        }
        return .facts(FactsDeclaration(entries: entries, span: span(from: start)))
    }

    mutating func parseOptionalCite() throws -> StringLiteral? {
        guard current.isWord("cite") else { return nil }
        advance()
        return try expectString("a citation after `cite`")
    }

    /// `Template { field: expr, ... }`.
    mutating func parseRecord(atItemStart: Bool = false) throws -> Record {
        let start = current
        let template = try expectIdentifier("a template name", allowNewline: atItemStart)
        let fields = try parseFieldValues("after `\(template.name)`")
        return Record(template: template, fields: fields, span: span(from: start))
    }

    /// `{ name: expr, name: expr }`: fields separated by commas or line breaks.
    /// The context is built only for an error: these run once per fact.
    mutating func parseFieldValues(_ context: @autoclosure () -> String) throws -> [FieldValue] {
        try expect(.leftBrace, "to open the fields \(context())")
        var fields: [FieldValue] = []
        try parseBlockItems(closing: "fields") { parser in
            let start = parser.current
            let name = try parser.expectIdentifier("a field name", allowNewline: true, fieldName: true)
            try parser.expect(.colon, "after the field name `\(name.name)`")
            let value = try parser.parseExpression()
            fields.append(FieldValue(name: name, value: value, span: parser.span(from: start)))
            if !parser.consume(.comma) {
                try parser.expectItemSeparator("a field value")
            }
        }
        return fields
    }

    /// Parses items until the closing `}`, recovering per item. A missing `}` is
    /// reported where the block would have had to end.
    mutating func parseBlockItems(closing what: String, item: (inout Parser) throws -> Void) throws {
        let open = previous
        while !current.isPunctuation(.rightBrace) {
            if current.isEndOfFile || atDeclarationKeyword {
                throw fail("parse.expected-token", "expected `}` to close the \(what)", at: current,
                           notes: [.init("the \(what) opens here", span: span(open))])
            }
            let before = position
            do {
                try item(&self)
            } catch {
                if current.isEndOfFile || atDeclarationKeyword { throw error }
                recoverToNextItem(itemStart: before)
            }
            _ = consume(.semicolon)
        }
        advance()
    }
}
