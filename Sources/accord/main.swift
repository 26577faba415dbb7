import AccordTooling
import ArgumentParser

/// `accord`: the command line over the Accord libraries. Each subcommand parses its
/// arguments, calls the library, renders, and returns an exit status.
struct Accord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "A rule-based recommendation engine: evaluate, test and explore policy rules.",
        discussion: """
        With no PATHS, commands read Rules/. A folder means every .accord file below it.

        Examples:
          accord run Rules --top 5
          accord check Rules
          accord --generate-completion-script zsh > _accord
        """,
        version: "accord \(AccordVersion.current)",
        subcommands: [
            RunCommand.self, TestCommand.self, WhatIfCommand.self, SweepCommand.self, CheckCommand.self, FormatCommand.self,
            ReplCommand.self, GraphCommand.self, WhyNotCommand.self,
        ])

    /// Usage errors exit with 2, as the command-line contract says (ArgumentParser's own
    /// default is 64).
    static func mainWithContractExitCodes() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitStatus {
            Terminal.exit(status.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.writeOut(fullMessage(for: error) + "\n")
                Terminal.exit(0)
            }
            Terminal.writeError(fullMessage(for: error) + "\n")
            Terminal.exit(code == .validationFailure ? ExitStatus.invalidInput.code : code.rawValue)
        }
    }
}

Accord.mainWithContractExitCodes()
