import Foundation

/// Reads the files of a load: each path is a file or a folder (every `.accord` file
/// below it, in sorted path order), then the files they import, each file once.
/// Unreadable files become diagnostics; nothing here prints or exits.
public struct SourceLoader: Sendable {
    public struct Output: Sendable {
        public let program: Program
        public let diagnostics: [Diagnostic]
    }

    public init() {}

    public func load(paths: [String]) -> Output {
        var state = LoadState()
        for path in paths {
            for file in expand(path, into: &state) {
                loadFile(file, namedAt: nil, into: &state)
            }
        }
        return Output(program: Program(units: state.units), diagnostics: state.diagnostics)
    }

    /// Parses text that is not on disk (stdin, the REPL, tests). Imports are resolved
    /// relative to `path`'s folder.
    public func load(text: String, path: String) -> Output {
        var state = LoadState()
        let file = SourceFile(path: path, text: text)
        state.loaded.insert(SourceLoader.canonical(path))
        parse(file, into: &state)
        return Output(program: Program(units: state.units), diagnostics: state.diagnostics)
    }

    struct LoadState {
        var loaded: Set<String> = []
        var units: [SourceUnit] = []
        var diagnostics: [Diagnostic] = []
    }

    private func expand(_ path: String, into state: inout LoadState) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            state.diagnostics.append(SourceLoader.fileError("load.unreadable-file", "no such file or folder `\(path)`", path: path))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        return SourceLoader.accordFiles(under: path)
    }

    /// Every `.accord` file below `folder`, sorted by path so loads are deterministic.
    public static func accordFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".accord") {
                files.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    private func loadFile(_ path: String, namedAt importSpan: SourceSpan?, into state: inout LoadState) {
        let canonical = SourceLoader.canonical(path)
        guard state.loaded.insert(canonical).inserted else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            let message = "cannot read `\(path)`"
            if let importSpan {
                state.diagnostics.append(.error("load.unreadable-file", message, at: importSpan))
            } else {
                state.diagnostics.append(SourceLoader.fileError("load.unreadable-file", message, path: path))
            }
            return
        }
        parse(SourceFile(path: path, bytes: [UInt8](data)), into: &state)
    }

    private func parse(_ file: SourceFile, into state: inout LoadState) {
        let parsed = Parser.parse(file)
        state.units.append(parsed.unit)
        state.diagnostics += parsed.diagnostics
        let folder = (file.path as NSString).deletingLastPathComponent
        for case .import(let declaration) in parsed.unit.declarations {
            let target = SourceLoader.resolve(declaration.path.value, relativeTo: folder)
            loadFile(target, namedAt: declaration.path.span, into: &state)
        }
    }

    /// A path named inside a file, relative to that file's folder.
    public static func resolve(_ path: String, relativeTo folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return (path as NSString).standardizingPath }
        return ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A diagnostic about a whole file that has no text to point into.
    public static func fileError(_ code: String, _ message: String, path: String) -> Diagnostic {
        let file = SourceFile(path: path, bytes: [])
        return .error(code, message, at: SourceSpan(file: file, start: 0, end: 0))
    }
}
