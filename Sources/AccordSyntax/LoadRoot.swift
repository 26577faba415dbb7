import Foundation

/// Where the paths named inside rule files (`import`, `facts ... from`) may lead: the
/// folders and files the user named (on the command line, or with the REPL's `:load`)
/// and those `--allow-path` adds. Rule files may come from others; the load root keeps
/// them from reading anything the user did not point Accord at. Everything is compared
/// as real paths (`RealPath`), so `..`, absolute paths and symbolic links are judged by
/// where they really lead. docs/security.md gives the rules and the reasons.
public struct LoadRoot: Sendable, Hashable {
    /// Real paths of folders: everything below them may be read.
    public private(set) var folders: [String] = []
    /// Real paths of single files that may be read.
    public private(set) var files: [String] = []

    /// An empty root: rule files may name nothing outside what the caller names itself.
    public init() {}

    /// The root a command line makes from its PATHS and its `--allow-path` values.
    public init(arguments: [String], allowing allowed: [String] = []) {
        for path in arguments {
            add(argument: path)
        }
        for path in allowed {
            allow(path)
        }
    }

    /// A path the user named to load. A folder joins as itself. A file joins with the
    /// folder it is in: `accord run Rules/main.accord` may import `Rules/schema.accord`
    /// and read `Rules/data/*.csv`, as a user expects when naming the main file of a
    /// rule base. A path that does not exist adds nothing (the loader reports it).
    public mutating func add(argument path: String) {
        guard FileManager.default.fileExists(atPath: path), let real = RealPath.resolve(path) else { return }
        if isFolder(real) {
            insert(folder: real)
            return
        }
        insert(file: real)
        // The folder the path names, not the link's target's: imports are resolved
        // relative to the file as it was named.
        let named = (path as NSString).deletingLastPathComponent
        if let folder = RealPath.resolve(named.isEmpty ? "." : named) {
            insert(folder: folder)
        }
    }

    /// `--allow-path PATH`: a folder (and everything below it) or a single file, and
    /// nothing more (a file does not bring its folder: the user said exactly what to allow).
    public mutating func allow(_ path: String) {
        guard let real = RealPath.resolve(path) else { return }
        if isFolder(real) { insert(folder: real) } else { insert(file: real) }
    }

    /// True when `path`, once `..` and links are resolved, is a file the root names or lies below one of its folders.
    public func contains(_ path: String) -> Bool {
        guard let real = RealPath.resolve(path) else { return false }
        return contains(realPath: real)
    }

    public func contains(realPath real: String) -> Bool {
        files.contains(real) || folders.contains { RealPath.isInside(real, folder: $0) }
    }

    public var isEmpty: Bool { folders.isEmpty && files.isEmpty }

    private mutating func insert(folder: String) {
        if !folders.contains(folder) { folders.append(folder) }
    }

    private mutating func insert(file: String) {
        if !files.contains(file) { files.append(file) }
    }

    private func isFolder(_ realPath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: realPath, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    /// `load.outside-root`, at the path string of the `import` or `facts ... from` that named it.
    static func outsideLoadRoot(_ written: String, resolved: String?, root: LoadRoot, at span: SourceSpan) -> Diagnostic {
        .error("load.outside-root", "`\(written)` is outside the load root", at: span,
               notes: LoadRoot.notes(resolved: resolved, root: root))
    }

    /// `load.outside-root` for a file found in a folder that is a link leading out of it.
    static func outsideLoadRoot(file path: String, resolved: String?, root: LoadRoot) -> Diagnostic {
        var diagnostic = SourceLoader.fileError("load.outside-root", "`\(path)` leads outside the load root", path: path)
        diagnostic.notes = LoadRoot.notes(resolved: resolved, root: root)
        return diagnostic
    }
}

extension LoadRoot {
    /// Where the path leads, what the root is, and how to allow it.
    static func notes(resolved: String?, root: LoadRoot) -> [Diagnostic.Note] {
        var notes: [Diagnostic.Note] = []
        if let resolved {
            notes.append(.init("it leads to `\(RealPath.display(resolved))`"))
        } else {
            notes.append(.init("it goes through more than \(RealPath.maxLinks) symbolic links"))
        }
        // A file below a folder of the root says nothing the folder does not.
        let files = root.files.filter { file in !root.folders.contains { RealPath.isInside(file, folder: $0) } }
        let members = (root.folders.map { RealPath.display($0) + "/" } + files.map(RealPath.display)).map { "`\($0)`" }
        let shown = members.prefix(3).joined(separator: ", ") + (members.count > 3 ? " and \(members.count - 3) more" : "")
        notes.append(.init(members.isEmpty
            ? "the load root is empty: rule files may only name what is inside the paths given to load"
            : "the load root is \(shown), from the paths given to load and --allow-path"))
        if let resolved {
            let folder = (resolved as NSString).deletingLastPathComponent
            notes.append(.init("to allow it, pass `--allow-path \(RealPath.display(folder.isEmpty ? "/" : folder))`"))
        }
        return notes
    }
}
