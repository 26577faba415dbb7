@testable import AccordCheck
import AccordSyntax
import Testing

/// Checks a snippet as if it were a file named `snippet.accord`.
func checkSnippet(_ text: String, path: String = "snippet.accord") -> CheckResult {
    let loaded = SourceLoader().load(text: text, path: path)
    if !loaded.diagnostics.isEmpty {
        Issue.record("the snippet must parse: \(loaded.diagnostics.map(\.message))")
    }
    return Checker().check(loaded.program)
}

/// `code line:col` for each diagnostic, the form unit tests compare.
func located(_ result: CheckResult) -> [String] {
    result.diagnostics.map { "\($0.code) \($0.span.startLocation)" }
}

/// The diagnostics with a code.
func diagnostics(_ result: CheckResult, _ code: String) -> [Diagnostic] {
    result.diagnostics.filter { $0.code == code }
}

/// Position markers, as swift-format's tests use them: each `⟦` in `text` marks where a
/// diagnostic must start. Returns the text without markers and the markers' byte offsets.
func marked(_ text: String) -> (text: String, offsets: [Int]) {
    var clean = ""
    var offsets: [Int] = []
    for character in text {
        if character == "⟦" {
            offsets.append(clean.utf8.count)
        } else {
            clean.append(character)
        }
    }
    return (clean, offsets)
}

/// The templates every snippet below may use.
let regionTemplates = """
    template Region {
      key name
      name: string
      country: string
      borders: [string] = []
      codes: [int] = []
      trade: float = 0
      population: int = 0
      coastal: bool = false
    }
    template Park {
      key name
      name: string
      host: string
      industries: [string] = []
      cross_border: bool = false
      enterprises: int = 0
    }
    template Hub {
      park: string
    }
    template Route {
      key from, to
      from: string
      to: string
    }

    """

/// The type an expression gets with `$r` bound to a `Region` and no bare names in scope.
func typeOf(_ expression: String) -> (ValueType, [Diagnostic]) {
    let loaded = SourceLoader().load(text: regionTemplates, path: "templates.accord")
    var context = CheckContext(program: loaded.program)
    DeclarationCheck.run(&context)
    TemplateCheck.run(&context)
    let (parsed, parseDiagnostics) = Parser.parseExpression(SourceFile(path: "expression", text: expression))
    guard let parsed, parseDiagnostics.isEmpty else { return (.unknown, parseDiagnostics) }
    var checker = ExpressionTypeChecker(symbols: context.symbols)
    let file = SourceFile(path: "binding", text: "$r")
    _ = checker.scope.bind(.init(name: "r", template: context.symbols.template(named: "Region"),
                                 span: SourceSpan(file: file, start: 0, end: 2)))
    let type = checker.check(parsed)
    return (type, checker.diagnostics)
}
