import AccordSyntax

extension Formatter.Printer {
    /// `scenario name {` with `title`, `extends`, then one change per line.
    func scenario(_ d: ScenarioDeclaration) {
        var entries: [Item] = []
        if let title = d.title {
            entries.append(Item(wordStart(title.span), title.span.end) {
                self.writer.write("title " + Inline.string(title), level: 1)
            })
        }
        if let parent = d.parent {
            entries.append(Item(wordStart(parent.span), parent.span.end) {
                self.writer.write("extends " + parent.name, level: 1)
            })
        }
        entries += d.changes.map { change($0, level: 1) }
        braced("scenario " + d.name.name, level: 0, brace: tokens.openBrace(after: d.name.span.end),
               close: d.span.end - 1, items: entries)
    }

    /// `assert` by the record rule (its `cite` on the next line), `modify` by the
    /// record rule, `retract` on one line.
    func change(_ change: Change, level: Int) -> Item {
        Item(change.span) {
            switch change {
            case .assert(let record, let cite, _):
                self.record(record, prefix: "assert ", cite: cite, level: level)
            case .modify(let reference, let fields, let span):
                self.fields("modify " + Inline.reference(reference), fields, level: level,
                            after: reference.span.end, end: span.end)
            case .retract(let reference, _):
                self.writer.write("retract " + Inline.reference(reference), level: level)
            }
        }
    }

    /// `test "name" {` with the `given`s, then the `expect`s, each in source order.
    func test(_ d: TestDeclaration) {
        let givens = d.givens.map { given -> Item in
            switch given {
            case .scenario(let name):
                return Item(wordStart(name.span), name.span.end) {
                    self.writer.write("given " + name.name, level: 1)
                }
            case .inline(let changes, let span):
                return Item(span) {
                    self.braced("given", level: 1, brace: self.tokens.openBrace(after: span.start + "given".utf8.count),
                                close: span.end - 1, items: changes.map { self.change($0, level: 2) })
                }
            }
        }
        let expectations = d.expectations.map { expectation in
            line(expectation.span, Self.expectation(expectation), level: 1)
        }
        braced("test " + Inline.string(d.name), level: 0, brace: tokens.openBrace(after: d.name.span.end),
               close: d.span.end - 1, items: givens + expectations)
    }

    /// `expect [no] recommend RULE [for SUBJECT] [with score OP N]`, `expect [no] fact Pattern`.
    static func expectation(_ expectation: Expectation) -> String {
        var text = "expect " + (expectation.negated ? "no " : "")
        switch expectation.kind {
        case .recommend(let rule, let subject, let score):
            text += "recommend " + rule.name
            if let subject { text += " for " + Inline.expression(subject) }
            if let score {
                text += " with score " + score.comparison.rawValue + " " + Inline.expression(score.value)
            }
        case .fact(let pattern):
            text += "fact " + Inline.pattern(pattern)
        }
        return text
    }
}
