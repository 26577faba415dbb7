extension Parser {
    /// Precedence climbing: `or` < `and` < prefix `not` < comparisons, `in`, `contains`
    /// (non-associative) < `+ -` < `* / %` < unary `-` < `.field` and calls.
    public mutating func parseExpression() throws -> Expression {
        try nested(at: current) { try $0.parseBinary(minimumPrecedence: 1) }
    }

    mutating func parseBinary(minimumPrecedence: Int) throws -> Expression {
        var left = try parsePrefix()
        var chainLength = 0
        while let (op, width) = binaryOperatorAhead(), op.precedence >= minimumPrecedence {
            let operatorToken = current
            position += width
            chainLength += 1
            if depth + chainLength > Parser.maximumNestingDepth {
                throw fail("parse.nesting-too-deep", "expression nested deeper than \(Parser.maximumNestingDepth) levels", at: operatorToken)
            }
            let right = try nested(at: operatorToken) { try $0.parseBinary(minimumPrecedence: op.precedence + 1) }
            left = Expression(.binary(op, left, right), span: left.span.union(right.span))
            if op.isComparison, let (next, _) = binaryOperatorAhead(), next.isComparison, minimumPrecedence <= next.precedence {
                throw fail("parse.chained-comparison",
                           "comparisons do not chain; combine them with `and`", at: current)
            }
        }
        return left
    }

    /// The binary operator at the current token and how many tokens it spans (`not in` is two).
    func binaryOperatorAhead() -> (BinaryOperator, Int)? {
        switch current.kind {
        case .punctuation(let punctuation):
            switch punctuation {
            case .equal: return (.equal, 1)
            case .notEqual: return (.notEqual, 1)
            case .less: return (.less, 1)
            case .lessEqual: return (.lessEqual, 1)
            case .greater: return (.greater, 1)
            case .greaterEqual: return (.greaterEqual, 1)
            case .plus: return (.add, 1)
            case .minus: return (.subtract, 1)
            case .star: return (.multiply, 1)
            case .slash: return (.divide, 1)
            case .percent: return (.remainder, 1)
            case .leftBrace, .rightBrace, .leftParen, .rightParen, .leftBracket, .rightBracket,
                 .comma, .semicolon, .colon, .dot, .assign:
                return nil
            }
        case .identifier(let word):
            switch word {
            case "and": return (.and, 1)
            case "or": return (.or, 1)
            case "in": return (.in, 1)
            case "contains": return (.contains, 1)
            case "not" where peek().isWord("in"): return (.notIn, 2)
            default: return nil
            }
        case .variable, .integer, .float, .string, .keyword, .invalid, .endOfFile:
            return nil
        }
    }

    mutating func parsePrefix() throws -> Expression {
        let start = current
        if current.isWord("not"), !peek().isWord("in") || peek(2).isPunctuation(.leftParen) {
            advance()
            let operand = try nested(at: start) { try $0.parseBinary(minimumPrecedence: OperatorPrecedence.prefixNot + 1) }
            return Expression(.unary(.not, operand), span: span(start).union(operand.span))
        }
        if current.isPunctuation(.minus) {
            advance()
            let operand = try nested(at: start) { try $0.parsePrefix() }
            return Expression(.unary(.negate, operand), span: span(start).union(operand.span))
        }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws -> Expression {
        var expression = try parsePrimary()
        while current.isPunctuation(.dot) {
            advance()
            let field = try expectIdentifier("a field name after `.`", fieldName: true)
            expression = Expression(.member(expression, field), span: expression.span.union(field.span))
        }
        return expression
    }

    mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .integer(let value):
            advance()
            return Expression(.integer(value), span: span(token))
        case .float(let value):
            advance()
            return Expression(.float(value), span: span(token))
        case .string(let parts):
            advance()
            return Expression(.string(try parseStringParts(parts, token: token)), span: span(token))
        case .variable(let name):
            advance()
            return Expression(.variable(name), span: span(token))
        case .punctuation(.leftParen):
            advance()
            let inner = try parseExpression()
            try expect(.rightParen, "to close `(`")
            return Expression(.group(inner), span: span(from: token))
        case .punctuation(.leftBracket):
            return try parseList()
        case .identifier(let name):
            if name == "true" || name == "false" {
                advance()
                return Expression(.boolean(name == "true"), span: span(token))
            }
            if peek().isPunctuation(.leftParen), !peek().newlineBefore {
                return try parseCall()
            }
            advance()
            return Expression(.field(name), span: span(token))
        case .invalid:
            throw Abort()
        case .keyword(let keyword) where keywordAsFieldName != nil:
            advance()
            return Expression(.field(keyword.rawValue), span: span(token))
        case .punctuation, .keyword, .endOfFile:
            throw unexpected("parse.expected-expression", "expected an expression")
        }
    }

    mutating func parseList() throws -> Expression {
        let open = advance()
        var elements: [Expression] = []
        try nested(at: open) { parser in
            while !parser.current.isPunctuation(.rightBracket) {
                elements.append(try parser.parseExpression())
                if !parser.consume(.comma) { break }
            }
        }
        try expect(.rightBracket, "to close the list")
        return Expression(.list(elements), span: span(from: open))
    }

    /// `name(args)`. Inside `count`/`sum`/`min`/`max`/`avg`, a first argument
    /// `T(...)` whose callee is not a built-in function is a pattern: an aggregate.
    mutating func parseCall() throws -> Expression {
        let start = current
        let callee = try expectIdentifier("a function name", allowNewline: true)
        let open = advance()
        if let aggregate = AggregateFunction(rawValue: callee.name), case .identifier(let inner) = current.kind,
           peek().isPunctuation(.leftParen), BuiltinFunction(rawValue: inner) == nil, AggregateFunction(rawValue: inner) == nil {
            let pattern = try nested(at: open) { try $0.parsePattern() }
            var value: Expression?
            if consume(.comma) {
                value = try parseExpression()
            }
            try expect(.rightParen, "to close `\(callee.name)(`")
            return Expression(.aggregate(aggregate, pattern, value), span: span(from: start))
        }
        var arguments: [Expression] = []
        try nested(at: open) { parser in
            while !parser.current.isPunctuation(.rightParen) {
                arguments.append(try parser.parseExpression())
                if !parser.consume(.comma) { break }
            }
        }
        try expect(.rightParen, "to close the call to `\(callee.name)`")
        return Expression(.call(callee, arguments), span: span(from: start))
    }

    /// Parses each `{...}` of a string with a parser over the tokens the lexer kept.
    mutating func parseStringParts(_ parts: [StringPart], token: Token) throws -> [StringSegment] {
        var segments: [StringSegment] = []
        for part in parts {
            switch part {
            case .text(let text):
                segments.append(.text(text))
            case .interpolation(let tokens, let start, let end):
                var inner = Parser(file: file, tokens: tokens, depth: depth + 1)
                if inner.current.isEndOfFile {
                    report("parse.empty-interpolation", "empty interpolation `{}` in string; write `\\{` for a literal brace", at: token)
                    continue
                }
                let expression = try? inner.parseExpression()
                if expression != nil, !inner.current.isEndOfFile {
                    inner.report("parse.expected-token", "expected `}` to end the interpolation, found \(inner.current.display)", at: inner.current)
                }
                diagnostics += inner.diagnostics
                guard let expression, inner.diagnostics.isEmpty else { throw Abort() }
                _ = (start, end)
                segments.append(.interpolation(expression))
            }
        }
        return segments
    }
}
