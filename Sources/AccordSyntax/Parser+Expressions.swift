extension Parser {
    /// Precedence climbing: `or` < `and` < prefix `not` < comparisons, `in`, `contains`
    /// (non-associative) < `+ -` < `* / %` < unary `-` < `.field` and calls.
    public mutating func parseExpression() throws -> Expression {
        let start = current
        let expression = try nested(at: start) { try $0.parseBinary(minimumPrecedence: 1) }
        try limitHeight(of: expression, at: start)
        return expression
    }

    // The functions on the recursive path (parseExpression → parseBinary → parsePrefix →
    // parsePostfix → parsePrimary → parseExpression for `(`) keep few locals and leave
    // each case's work to a function of its own: in a debug build every local of a
    // function takes stack space on every level, so the whole budget of nesting fits a
    // thread with a small stack (see `DeepInputTests`).

    mutating func parseBinary(minimumPrecedence: Int) throws -> Expression {
        var left = try parsePrefix()
        var chainLength = 0
        while let (op, width) = binaryOperatorAhead(), op.precedence >= minimumPrecedence {
            chainLength += 1
            left = try parseOperation(left, op, width: width, chainLength: chainLength, minimumPrecedence: minimumPrecedence)
        }
        return left
    }

    /// `left op right`, with the operator at the current token.
    mutating func parseOperation(_ left: Expression, _ op: BinaryOperator, width: Int, chainLength: Int,
                                 minimumPrecedence: Int) throws -> Expression {
        let operatorToken = current
        position += width
        if depth + chainLength > Parser.maximumNestingDepth {
            throw fail("parse.nesting-too-deep", "expression nested deeper than \(Parser.maximumNestingDepth) levels", at: operatorToken)
        }
        let right = try nested(at: operatorToken) { try $0.parseBinary(minimumPrecedence: op.precedence + 1) }
        let combined = Expression(.binary(op, left, right), span: left.span.union(right.span))
        try limitHeight(of: combined, at: operatorToken)
        if op.isComparison, let (next, _) = binaryOperatorAhead(), next.isComparison, minimumPrecedence <= next.precedence {
            throw fail("parse.chained-comparison",
                       "comparisons do not chain; combine them with `and`", at: current)
        }
        return combined
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
        if current.isWord("not"), !peek().isWord("in") || peek(2).isPunctuation(.leftParen) {
            return try parseUnary(.not)
        }
        if current.isPunctuation(.minus) {
            return try parseUnary(.negate)
        }
        return try parsePostfix()
    }

    /// `not x` (which binds looser than comparisons) or `-x`, at the operator.
    mutating func parseUnary(_ op: UnaryOperator) throws -> Expression {
        let start = advance()
        let operand = try nested(at: start) { parser in
            switch op {
            case .not: try parser.parseBinary(minimumPrecedence: OperatorPrecedence.prefixNot + 1)
            case .negate: try parser.parsePrefix()
            }
        }
        return Expression(.unary(op, operand), span: span(start).union(operand.span))
    }

    mutating func parsePostfix() throws -> Expression {
        let primary = try parsePrimary()
        return current.isPunctuation(.dot) ? try parseMembers(of: primary) : primary
    }

    /// `x.a.b`: each `.field` wraps what came before.
    mutating func parseMembers(of primary: Expression) throws -> Expression {
        var expression = primary
        while current.isPunctuation(.dot) {
            let dot = advance()
            let field = try expectIdentifier("a field name after `.`", fieldName: true)
            expression = Expression(.member(expression, field), span: expression.span.union(field.span))
            try limitHeight(of: expression, at: dot)
        }
        return expression
    }

    mutating func parsePrimary() throws -> Expression {
        switch current.kind {
        case .punctuation(.leftParen):
            return try parseGroup()
        case .punctuation(.leftBracket):
            return try parseList()
        case .identifier where !current.isWord("true") && !current.isWord("false")
            && peek().isPunctuation(.leftParen) && !peek().newlineBefore:
            return try parseCall()
        default:
            return try parseAtom()
        }
    }

    /// `( expression )`.
    mutating func parseGroup() throws -> Expression {
        let open = advance()
        let inner = try parseExpression()
        try expect(.rightParen, "to close `(`")
        return Expression(.group(inner), span: span(from: open))
    }

    /// A literal, a `$variable` or a field name: everything that nests nothing.
    mutating func parseAtom() throws -> Expression {
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
        case .identifier(let name):
            if name == "true" || name == "false" {
                advance()
                return Expression(.boolean(name == "true"), span: span(token))
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
