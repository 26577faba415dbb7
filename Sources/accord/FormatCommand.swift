import AccordFormat
import AccordSyntax
import ArgumentParser
import Foundation

/// `accord fmt [--check] [PATHS]`: rewrites files in the canonical layout, atomically.
/// `--check` lists the files that would change and exits 1; `-` filters stdin to stdout.
/// A file with syntax errors is reported and left as it is (exit 2).
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt", abstract: "Rewrite rule files in the canonical layout.",
        discussion: "Examples:\n  accord fmt Rules\n  accord fmt --check Rules\n  accord fmt - < rule.accord")

    @Flag(help: "List unformatted files and exit 1 if there are any; change nothing.")
    var check = false

    @OptionGroup var input: PathArguments

    func run() throws {
        if input.paths == ["-"] {
            throw formatStandardInput()
        }
        var (files, status) = try self.files()
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                Terminal.report([SourceLoader.fileError("load.unreadable-file", "cannot read `\(path)`", path: path)])
                status = .invalidInput
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            let result = Formatter.format(text: text, path: path)
            Terminal.report(result.diagnostics)
            guard let formatted = result.text else {
                status = .invalidInput
                continue
            }
            guard formatted.utf8.elementsEqual(data) == false else { continue }
            if check {
                Terminal.writeOut(path + "\n")
                if status.code == 0 { status = .failures }
                continue
            }
            do {
                try AtomicFile.write(formatted, to: path)
            } catch {
                Terminal.writeError("\(path): error: \(error.description)\n")
                status = .invalidInput
            }
        }
        throw status
    }

    private func formatStandardInput() -> ExitStatus {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let result = Formatter.format(text: String(decoding: data, as: UTF8.self), path: "<stdin>")
        Terminal.report(result.diagnostics)
        guard let formatted = result.text else { return .invalidInput }
        if check {
            return formatted.utf8.elementsEqual(data) ? .success : .failures
        }
        Terminal.writeOut(formatted)
        return .success
    }

    /// The `.accord` files named, folders expanded in sorted order. A link in a folder
    /// that leads out of it is reported and left alone (exit 2): `fmt` rewrites files,
    /// and should not rewrite one elsewhere that a rule pack links to. A file named
    /// directly is the user's choice, link or not.
    private func files() throws -> (files: [String], status: ExitStatus) {
        var files: [String] = []
        var status = ExitStatus.success
        for path in input.resolved {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Terminal.report([SourceLoader.fileError("load.unreadable-file", "no such file or folder `\(path)`", path: path)])
                throw ExitStatus.invalidInput
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = SourceLoader.accordFiles(under: path, inside: LoadRoot(arguments: [path]))
            Terminal.report(found.refused)
            if !found.refused.isEmpty { status = .invalidInput }
            files += found.files
        }
        return (files, status)
    }
}
