import AccordSyntax
import ArgumentParser
import Foundation

/// `--allow-path`, which every command that follows `import` and `facts ... from`
/// takes: paths inside rule files must stay inside the load root (the PATHS given),
/// and this widens it. `fmt` does not take it: it follows no path inside a file.
struct LoadRootOptions: ParsableArguments {
    @Option(name: .customLong("allow-path"),
            help: ArgumentHelp("Let rule files also import or read CSV from this folder or file (repeatable).",
                               valueName: "path"))
    var allowedPaths: [String] = []

    func validate() throws {
        for path in allowedPaths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--allow-path `\(path)`: no such file or folder")
        }
    }

    /// The load root of a command reading `paths`.
    func root(for paths: [String]) -> LoadRoot {
        LoadRoot(arguments: paths, allowing: allowedPaths)
    }
}
