import AccordSyntax

extension Formatter.Printer {
    /// `rule name {`, the header clauses in the order `title`, `salience`, `tags`,
    /// `cite`, then `when` and `then` with their entries one level deeper.
    func rule(_ d: RuleDeclaration) {
        let brace = tokens.openBrace(after: d.name.span.end)
        let close = d.span.end - 1
        var clauses: [Item] = []
        if let title = d.title {
            clauses.append(Item(wordStart(title.span), title.span.end) {
                self.writer.write("title " + Inline.string(title), level: 1)
            })
        }
        if let salience = d.salience {
            clauses.append(Item(wordStart(salience.span), salience.span.end) {
                self.writer.write("salience " + Inline.expression(salience), level: 1)
            })
        }
        if let first = d.tags.first, let last = d.tags.last {
            clauses.append(Item(wordStart(first.span), last.span.end) {
                self.writer.write("tags " + d.tags.map(Inline.tag).joined(separator: ", "), level: 1)
            })
        }
        if let cite = d.cite {
            clauses.append(Item(wordStart(cite.span), cite.span.end) {
                self.writer.write("cite " + Inline.string(cite), level: 1)
            })
        }
        let thenWord = tokens.keyword(.then, in: brace.upperBound..<close)
            ?? (d.actions.first.map { wordStart($0.span) } ?? close)..<(d.actions.first?.span.start ?? close)
        let conditions = d.conditions.map { condition in
            line(condition.span, Self.condition(condition), level: 2)
        }
        if let first = d.conditions.first, let last = d.conditions.last {
            let whenWord = tokens.keyword(.when, in: brace.upperBound..<first.span.start)
                ?? wordStart(first.span)..<first.span.start
            clauses.append(Item(whenWord.lowerBound, last.span.end) {
                self.section("when", level: 1, keyword: whenWord, close: thenWord.lowerBound, items: conditions)
            })
        }
        let actions = d.actions.map(action)
        clauses.append(Item(thenWord.lowerBound, d.actions.last?.span.end ?? thenWord.upperBound) {
            self.section("then", level: 1, keyword: thenWord, close: close, items: actions)
        })
        braced("rule " + d.name.name, level: 0, brace: brace, close: close, items: clauses)
    }

    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .match(let binding, let pattern, _):
            (binding.map { "$" + $0.name + ": " } ?? "") + Inline.pattern(pattern)
        case .not(let pattern, _):
            "not " + Inline.pattern(pattern)
        case .exists(let pattern, _):
            "exists " + Inline.pattern(pattern)
        case .test(let expression, _):
            "test " + Inline.expression(expression)
        }
    }

    /// One action at level 2. `recommend` with fields always puts one field per line;
    /// `derive`, `assert` and `modify` follow the record rule.
    func action(_ action: Action) -> Item {
        Item(action.span) {
            switch action {
            case .recommend(let text, let fields, let span):
                let head = "recommend " + Inline.expression(text)
                if fields.isEmpty {
                    self.writer.write(head, level: 2)
                } else {
                    self.fields(head, fields, level: 2, after: text.span.end, end: span.end, alwaysBreak: true)
                }
            case .derive(let record, _):
                self.record(record, prefix: "derive ", cite: nil, level: 2)
            case .assert(let record, _):
                self.record(record, prefix: "assert ", cite: nil, level: 2)
            case .retract(let variable, _):
                self.writer.write("retract $" + variable.name, level: 2)
            case .modify(let variable, let fields, let span):
                self.fields("modify $" + variable.name, fields, level: 2, after: variable.span.end, end: span.end)
            case .print(let expression, _):
                self.writer.write("print " + Inline.expression(expression), level: 2)
            case .halt:
                self.writer.write("halt", level: 2)
            }
        }
    }
}
