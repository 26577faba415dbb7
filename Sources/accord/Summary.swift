import AccordCheck
import AccordSyntax

/// "checked 4 files: 5 templates, 31 facts, 12 rules, 3 scenarios, 6 tests; 0 errors, 1 warning".
struct Summary {
    let program: Program
    let model: CheckedProgram
    let diagnostics: [Diagnostic]

    var line: String {
        let declarations = program.declarations
        let rules = declarations.filter { if case .rule = $0 { true } else { false } }.count
        let scenarios = declarations.filter { if case .scenario = $0 { true } else { false } }.count
        let tests = declarations.filter { if case .test = $0 { true } else { false } }.count
        let templates = model.templates.filter { !$0.isBuiltIn }.count
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "checked \(plural(program.units.count, "file")): \(plural(templates, "template")), "
            + "\(plural(model.facts.count, "fact")), \(plural(rules, "rule")), \(plural(scenarios, "scenario")), "
            + "\(plural(tests, "test")); \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
