import Foundation

/// A small rule base for the REPL's terminal tests, written to a fresh folder: regions
/// to list and complete, and a counter whose rule fires a hundred million times once a
/// `Counter` is asserted (long enough to interrupt).
enum ReplFixture {
    static let rules = """
        template Region {
          key name
          name: string
          population: int = 0
        }

        template Counter {
          key name
          name: string
          value: int = 0
        }

        facts {
          Region { name: "Amur", population: 750 }
        }

        rule count_up {
          when
            $c: Counter(value < 100000000)
          then
            modify $c { value: $c.value + 1 }
        }

        rule crowded_region {
          when
            $r: Region(population > 500)
          then
            print "crowded {$r.name}"
        }

        """

    /// A folder holding `rules.accord` and a `home` folder for HOME and XDG_STATE_HOME.
    static func folder() throws -> (rules: String, home: String) {
        let folder = try Scratch.folder()
        try rules.write(toFile: folder + "/rules.accord", atomically: true, encoding: .utf8)
        let home = folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return (folder + "/rules.accord", home)
    }

    /// `accord repl RULES` on a fresh pseudo-terminal, at its first prompt.
    static func start(rules: String, home: String, extraEnvironment: [String: String] = [:]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: AccordBinary.path, arguments: ["repl", rules],
            environment: PseudoTerminal.environment(home: home).merging(extraEnvironment) { $1 })
        try terminal.expectPrompt()
        return terminal
    }
}
