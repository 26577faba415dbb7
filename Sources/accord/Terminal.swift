import AccordSyntax
import Foundation

/// The only place that writes to the terminal or ends the process.
enum Terminal {
    static func writeOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }

    /// Colour on stderr only when it is a terminal and NO_COLOR is unset.
    static var stderrWantsColor: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Colour on stdout (the text report) only when it is a terminal and NO_COLOR is unset.
    static var stdoutWantsColor: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        writeError(DiagnosticRenderer(useColor: stderrWantsColor).render(diagnostics))
    }
}
