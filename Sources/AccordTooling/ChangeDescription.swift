import AccordCheck
import AccordSyntax

/// A scenario change in a few words, for "caused by" notes: `modify Region["Jilin"]`,
/// `retract Park["Tomsk Wood Zone"]`, `assert Hub { park: "Tomsk Wood Zone" }`. A fact
/// is named the way scenarios name it: by its key, values written canonically (the
/// checker made sure they are constants), so the note reads the same however the
/// source was spaced. An unkeyed fact has no name and is shown by its first fields.
enum ChangeDescription {
    /// Longer asserts keep their first fields and end in `…`, so a note fits a line.
    static let assertWidth = 60

    static func describe(_ change: Change, in program: CheckedProgram) -> String {
        switch change {
        case .assert(let record, _, _):
            return "assert " + asserted(record, in: program)
        case .modify(let reference, _, _):
            return "modify " + address(reference, in: program)
        case .retract(let reference, _):
            return "retract " + address(reference, in: program)
        }
    }

    /// The causes of a scenario chain's changes, numbered as `Engine.whatIf` numbers them
    /// (parent scenarios first).
    static func causes(of chain: [ScenarioDeclaration], in program: CheckedProgram) -> [ChangeCause] {
        chain.flatMap { scenario in
            scenario.changes.map { change in
                ChangeCause(scenario: scenario.name.name, change: describe(change, in: program),
                            file: change.span.file.path, line: change.span.startLocation.line)
            }
        }
    }

    /// `Region["Jilin"]`, key values widened to the key fields' types.
    private static func address(_ reference: FactReference, in program: CheckedProgram) -> String {
        let types = program.template(named: reference.template.name)?.keyFields.map(\.type) ?? []
        let key = reference.key.enumerated().map { index, expression in
            let type = index < types.count ? types[index] : nil
            return ConstantEvaluator.evaluate(expression, as: type)?.description ?? collapsed(expression.span.text)
        }
        return reference.template.name + "[" + key.joined(separator: ", ") + "]"
    }

    /// A keyed fact by its key; otherwise `Template { field: value, … }`.
    private static func asserted(_ record: Record, in program: CheckedProgram) -> String {
        let name = record.template.name
        let template = program.template(named: name)
        func value(_ field: FieldValue) -> String {
            let type = template?.field(named: field.name.name)?.type
            return ConstantEvaluator.evaluate(field.value, as: type)?.description ?? collapsed(field.value.span.text)
        }
        if let template, template.isKeyed {
            let key = template.key.map { keyField in
                record.fields.first { $0.name.name == keyField }.map(value) ?? "?"
            }
            return name + "[" + key.joined(separator: ", ") + "]"
        }
        guard !record.fields.isEmpty else { return name + " {}" }
        var shown: [String] = []
        for field in record.fields {
            let next = field.name.name + ": " + value(field)
            let length = (shown + [next]).joined(separator: ", ").count + name.count + 5
            if length > assertWidth { break }
            shown.append(next)
        }
        let rest = shown.count < record.fields.count ? (shown.isEmpty ? "…" : ", …") : ""
        return name + " { " + shown.joined(separator: ", ") + rest + " }"
    }

    /// Source text on one line: runs of whitespace (line breaks included) become a space.
    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
