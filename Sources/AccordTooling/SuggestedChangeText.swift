import AccordCheck
import AccordEngine

/// Suggested fact changes as scenario lines an analyst can paste
/// (`modify Region["Jilin"] { trade: 11 }`), and as the short strings JSON uses.
public enum SuggestedChangeText {
    /// `Region["Jilin"]`: a keyed fact as scenarios address it; an unkeyed one by its fields.
    public static func reference(_ template: String, key: [Value]) -> String {
        template + "[" + key.map(ReportText.value).joined(separator: ", ") + "]"
    }

    /// The change as a scenario line, with what it answers as a `//` comment.
    public static func line(_ change: FactChange) -> String {
        switch change {
        case .modify(let template, let key, let field, let current, let needs, let value):
            return "modify \(reference(template, key: key)) { \(field): \(ReportText.value(value)) }"
                + "  // \(field) = \(ReportText.value(current)), needs \(needs)"
        case .retract(let fact):
            return "retract " + target(fact) + (fact.key.isEmpty ? "  // unkeyed: remove it where it is given" : "")
        case .assert(let template, let fields):
            return "assert " + record(template, fields)
        }
    }

    /// What JSON's `retract` names: `Agreement["A"]`, or an unkeyed fact with its fields.
    public static func target(_ fact: Support) -> String {
        fact.key.isEmpty ? ReportText.fact(fact) : reference(fact.template, key: fact.key)
    }

    /// `Template { field: value, ... }`.
    public static func record(_ template: String, _ fields: [NamedValue]) -> String {
        let body = fields.map { "\($0.name): \(ReportText.value($0.value))" }.joined(separator: ", ")
        return body.isEmpty ? "\(template) {}" : "\(template) { \(body) }"
    }
}
