import AccordCheck
import AccordSyntax

/// Checks a snippet as if it were a file named `snippet.accord`.
func checkSnippet(_ text: String, path: String = "snippet.accord") -> CheckResult {
    let loaded = SourceLoader().load(text: text, path: path)
    precondition(loaded.diagnostics.isEmpty, "the snippet must parse: \(loaded.diagnostics.map(\.message))")
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

/// The templates every snippet below may use.
let regionTemplates = """
    template Region {
      key name
      name: string
      country: string
      borders: [string] = []
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
