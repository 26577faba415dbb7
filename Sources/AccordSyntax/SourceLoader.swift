import Foundation

/// Reads the files of a load: each path is a file or a folder (every `.accord` file
/// below it, in sorted path order), then the files they import, each file once.
/// Paths named inside files (`import`, `facts ... from`) must stay inside the load root
/// (`LoadRoot`); those that do not are `load.outside-root` and are not read.
/// Unreadable files become diagnostics; nothing here prints or exits.
public struct SourceLoader: Sendable {
    public struct Output: Sendable {
        /// Holds no `facts ... from` whose path was refused, so a caller that checks the
        /// program despite the errors still reads nothing outside the root.
        public let program: Program
        public let diagnostics: [Diagnostic]
    }

    public init() {}

    /// Loads `paths` with the load root they make themselves (no `--allow-path`).
    public func load(paths: [String]) -> Output {
        load(paths: paths, root: LoadRoot(arguments: paths))
    }

    public func load(paths: [String], root: LoadRoot) -> Output {
        var state = LoadState(root: root)
        for path in paths {
            for file in expand(path, into: &state) {
                loadFile(file, namedAt: nil, into: &state)
            }
        }
        return Output(program: Program(units: state.units), diagnostics: state.diagnostics)
    }

    /// Parses text that is not on disk (stdin, the REPL, tests). Imports are resolved
    /// relative to `path`'s folder. The text is the caller's own, so the paths it names
    /// are allowed as if given to load (an imported file brings its folder into the
    /// root); the paths inside the files it imports must stay inside `root` and those.
    public func load(text: String, path: String, root: LoadRoot = LoadRoot()) -> Output {
        var state = LoadState(root: root)
        let file = SourceFile(path: path, text: text)
        state.loaded.insert(SourceLoader.canonical(path))
        parse(file, namedByUser: true, into: &state)
        return Output(program: Program(units: state.units), diagnostics: state.diagnostics)
    }

    struct LoadState {
        var root: LoadRoot
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
        let found = SourceLoader.accordFiles(under: path, inside: state.root)
        state.diagnostics += found.refused
        return found.files
    }

    /// The `.accord` files below `folder` that really lie inside `root`, and a
    /// `load.outside-root` error for each one that is a link leading out of it: a
    /// folder may hold links, and a rule pack could otherwise bring in a file from
    /// elsewhere (or have `accord fmt` rewrite it).
    public static func accordFiles(under folder: String, inside root: LoadRoot) -> (files: [String], refused: [Diagnostic]) {
        var refused: [Diagnostic] = []
        let files = accordFiles(under: folder).filter { file in
            let real = RealPath.resolve(file)
            guard let real, root.contains(realPath: real) else {
                refused.append(.outsideLoadRoot(file: file, resolved: real, root: root))
                return false
            }
            return true
        }
        return (files, refused)
    }

    /// Every `.accord` file below `folder`, sorted by path so loads are deterministic.
    /// A folder that is a symbolic link is walked where it leads (the enumerator would
    /// list nothing), and its files are named under the folder as given.
    public static func accordFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: RealPath.resolve(folder) ?? folder) else { return [] }
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
        switch SourceReader.read(path) {
        case .success(let bytes):
            parse(SourceFile(path: path, bytes: bytes), namedByUser: false, into: &state)
        case .failure(let failure):
            // A folder, FIFO, device or oversized file gets its own code and message.
            let code = "load." + failure.codeSuffix
            let message: String
            switch failure {
            case .missing: message = "cannot read `\(path)`"
            case .isFolder, .notRegularFile, .tooLarge, .unreadable: message = failure.message(path: path)
            }
            if let importSpan {
                state.diagnostics.append(.error(code, message, at: importSpan))
            } else {
                state.diagnostics.append(SourceLoader.fileError(code, message, path: path))
            }
        }
    }

    /// Parses a file, keeps what it may name, then loads its imports depth first.
    /// `namedByUser`: the text is the user's own (not a file a rule pack brought in).
    private func parse(_ file: SourceFile, namedByUser: Bool, into state: inout LoadState) {
        let parsed = Parser.parse(file)
        state.diagnostics += parsed.diagnostics
        let folder = (file.path as NSString).deletingLastPathComponent
        var imports: [(target: String, span: SourceSpan)] = []
        let kept = parsed.unit.declarations.filter { declaration in
            let named: StringLiteral
            switch declaration {
            case .import(let d): named = d.path
            case .factsFrom(let d): named = d.path
            case .template, .facts, .rule, .scenario, .test: return true
            }
            let target = SourceLoader.resolve(named.value, relativeTo: folder)
            if namedByUser {
                state.root.add(argument: target)
            } else if !state.root.contains(target) {
                state.diagnostics.append(.outsideLoadRoot(named.value, resolved: RealPath.resolve(target), root: state.root,
                                                          at: named.span))
                return false
            }
            if case .import = declaration { imports.append((target, named.span)) }
            return true
        }
        state.units.append(kept.count == parsed.unit.declarations.count ? parsed.unit
            : SourceUnit(file: parsed.unit.file, declarations: kept, comments: parsed.unit.comments))
        for (target, span) in imports {
            loadFile(target, namedAt: span, into: &state)
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
