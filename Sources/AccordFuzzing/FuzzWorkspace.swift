import AccordSyntax
import Foundation

/// The folder a fuzz input is written to before it is loaded, so the front end runs
/// exactly as `accord run` does on files, imports and CSV included, inside the load
/// root the main file makes (its folder). Paths out of it (`/dev/zero`, `../x`) are the
/// loader's to refuse; the harness checks that it did. One workspace is
/// reused for every input of a process (the fuzzer calls in a loop, on one thread);
/// each test makes its own.
public final class FuzzWorkspace {
    public let folder: String
    private var written: [String] = []

    /// A fresh folder under the system's temporary folder.
    public init() throws {
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let url = base.appendingPathComponent("accord-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Real, so it compares with the real paths the loader reports.
        folder = RealPath.resolve(url.path) ?? url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The path of the main file after writing `input`'s files, replacing the last input's.
    func write(_ input: FuzzInput) throws -> String {
        for name in written {
            try? FileManager.default.removeItem(atPath: path(of: name))
        }
        written = []
        for file in input.files {
            guard FileManager.default.createFile(atPath: path(of: file.name), contents: Data(file.bytes)) else {
                throw CocoaError(.fileWriteUnknown)
            }
            written.append(file.name)
        }
        return path(of: FuzzInput.mainName)
    }

    func path(of name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    /// A description of the first file the load took from outside this folder, or nil.
    /// The load root (`LoadRoot`) must keep every `import` and `facts ... from` inside
    /// the folder of the file named to load, so a file from anywhere else is a bug.
    func escape(in program: Program) -> String? {
        for unit in program.units {
            guard let real = RealPath.resolve(unit.file.path) else { return "loaded `\(unit.file.path)`, which has no real path" }
            if !contains(real) { return "loaded `\(real)` from outside the load root" }
            for case .factsFrom(let declaration) in unit.declarations {
                let named = SourceLoader.resolve(declaration.path.value, relativeTo: (unit.file.path as NSString).deletingLastPathComponent)
                guard let target = RealPath.resolve(named), !contains(target) else { continue }
                return "kept `facts from \"\(declaration.path.value)\"`, outside the load root"
            }
        }
        return nil
    }

    /// The folder itself counts (`facts T from ""` names it; reading it is an error, not an escape).
    private func contains(_ realPath: String) -> Bool {
        realPath == folder || realPath.hasPrefix(folder + "/")
    }
}
