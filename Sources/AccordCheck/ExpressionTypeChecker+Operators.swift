import AccordSyntax

/// Operator typing. Int and float mix (the result widens to float) and `/` always gives
/// a float; `+` also joins strings; `<` and friends order numbers or strings; `in` and
/// `contains` look for an element in a list or a substring in a string.
extension ExpressionTypeChecker {
    mutating func checkUnary(_ op: UnaryOperator, _ operand: Expression) -> ValueType {
        let type = check(operand)
        switch op {
        case .negate:
            if type.isNumeric || !type.isKnown { return type }
            diagnostics.append(.operandNeeds("`-`", "a number", found: type, at: operand.span))
            return .unknown
        case .not:
            if type != .bool, type.isKnown {
                diagnostics.append(.operandNeeds("`not`", "a `bool`", found: type, at: operand.span))
            }
            return .bool
        }
    }

    mutating func checkBinary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> ValueType {
        let left = check(lhs)
        let right = check(rhs)
        switch op {
        case .and, .or:
            for (operand, type) in [(lhs, left), (rhs, right)] where type != .bool && type.isKnown {
                diagnostics.append(.operandNeeds("`\(op.rawValue)`", "`bool` operands", found: type, at: operand.span))
            }
            return .bool
        case .equal, .notEqual:
            if ValueType.join(left, right) == nil {
                diagnostics.append(.cannotCompare(left, right, at: blame(lhs, rhs).span))
            }
            return .bool
        case .less, .lessEqual, .greater, .greaterEqual:
            checkOrdering(op, lhs, left, rhs, right)
            return .bool
        case .in, .notIn:
            checkMembership(op, element: lhs, left, collection: rhs, right)
            return .bool
        case .contains:
            checkMembership(op, element: rhs, right, collection: lhs, left)
            return .bool
        case .add, .subtract, .multiply, .divide, .remainder:
            return checkArithmetic(op, lhs, left, rhs, right)
        }
    }

    /// The operand a mismatch is reported at: the right one, unless only the left one
    /// is a literal (`"x" < trade` is wrong at `"x"`, and so is `trade > "x"`).
    private func blame(_ lhs: Expression, _ rhs: Expression) -> Expression {
        lhs.isLiteral && !rhs.isLiteral ? lhs : rhs
    }

    private mutating func checkOrdering(_ op: BinaryOperator, _ lhs: Expression, _ left: ValueType, _ rhs: Expression, _ right: ValueType) {
        func orderable(_ type: ValueType) -> Bool { type.isNumeric || type == .string || !type.isKnown }
        var fine = true
        for (operand, type) in [(lhs, left), (rhs, right)] where !orderable(type) {
            diagnostics.append(.notOrderable(op, found: type, at: operand.span))
            fine = false
        }
        if fine, ValueType.join(left, right) == nil {
            diagnostics.append(.cannotCompare(left, right, at: blame(lhs, rhs).span))
        }
    }

    private mutating func checkMembership(_ op: BinaryOperator, element: Expression, _ elementType: ValueType,
                                          collection: Expression, _ collectionType: ValueType) {
        switch collectionType {
        case .unknown:
            return
        case .string:
            if elementType != .string, elementType.isKnown {
                diagnostics.append(.cannotLookFor(elementType, in: collectionType, at: element.span))
            }
        case .list(let member):
            if ValueType.join(member, elementType) == nil {
                let culprit = collection.isLiteral && !element.isLiteral ? collection : element
                diagnostics.append(.cannotLookFor(elementType, in: collectionType, at: culprit.span))
            }
        case .int, .float, .bool:
            diagnostics.append(.notACollection(op, found: collectionType, at: collection.span))
        }
    }

    private mutating func checkArithmetic(_ op: BinaryOperator, _ lhs: Expression, _ left: ValueType, _ rhs: Expression, _ right: ValueType) -> ValueType {
        if op == .add, left == .string || right == .string {
            if ValueType.join(left, right) == nil {
                diagnostics.append(.cannotAdd(left, right, at: blame(lhs, rhs).span))
            }
            return .string
        }
        var fine = true
        for (operand, type) in [(lhs, left), (rhs, right)] where !type.isNumeric {
            if type.isKnown {
                diagnostics.append(.operandNeeds("`\(op.rawValue)`", op == .add ? "numbers or strings" : "numbers", found: type, at: operand.span))
            }
            fine = false
        }
        guard fine else { return op == .divide ? .float : .unknown }
        return op == .divide ? .float : ValueType.arithmetic(left, right)
    }
}

extension Expression {
    /// A value written out in full (`"x"`, `12`, `-3`, `[1, 2]`): the likelier culprit
    /// when it disagrees with a field or a binding.
    var isLiteral: Bool {
        switch kind {
        case .integer, .float, .boolean, .list: true
        case .string(let segments): segments.allSatisfy { if case .text = $0 { true } else { false } }
        case .unary(.negate, let operand), .group(let operand): operand.isLiteral
        case .unary(.not, _), .variable, .field, .member, .binary, .call, .aggregate: false
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    /// "`-` needs a number, found `string`": an operator or function given the wrong kind of operand.
    static func operandNeeds(_ what: String, _ needs: String, found type: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("\(what) needs \(needs), found `\(type)`", at: span)
    }

    static func cannotCompare(_ left: ValueType, _ right: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("cannot compare `\(left)` with `\(right)`", at: span)
    }

    fileprivate static func notOrderable(_ op: BinaryOperator, found type: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("`\(op.rawValue)` compares numbers or strings, found `\(type)`", at: span)
    }

    fileprivate static func cannotLookFor(_ element: ValueType, in collection: ValueType, at span: SourceSpan) -> Diagnostic {
        let place = collection == .string ? "a `string`" : "`\(collection)`"
        return .typeMismatch("cannot look for `\(element)` in \(place)", at: span)
    }

    fileprivate static func notACollection(_ op: BinaryOperator, found type: ValueType, at span: SourceSpan) -> Diagnostic {
        let side = op == .contains ? "left" : "right"
        return .typeMismatch("`\(op.rawValue)` needs a list or a string on its \(side), found `\(type)`", at: span)
    }

    fileprivate static func cannotAdd(_ left: ValueType, _ right: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("cannot add `\(left)` and `\(right)`", at: span,
                      notes: [.init("to put a value into text, interpolate it: \"...{$v.field}...\"")])
    }
}
