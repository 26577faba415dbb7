import Foundation

/// A fresh folder under the temporary directory for tests that need real files and
/// symbolic links (the load root, atomic writes). Paths are relative to it; `remove()`
/// deletes it (call it in a `defer`).
public struct TemporaryTree {
    public let path: String

    public init(_ label: String = "tree") throws {
        path = NSTemporaryDirectory() + "accord-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The absolute path of `relative`.
    public func at(_ relative: String) -> String {
        path + "/" + relative
    }

    /// Writes `text` to `relative`, creating the folders on the way.
    @discardableResult
    public func write(_ text: String, to relative: String) throws -> String {
        let file = at(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    /// Makes `relative` a symbolic link holding `destination` (as given: relative or absolute).
    @discardableResult
    public func link(_ relative: String, to destination: String) throws -> String {
        let file = at(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: destination)
        return file
    }

    /// The names in `relative` (the tree itself by default), sorted.
    public func contents(of relative: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : at(relative)).sorted()
    }

    public func remove() {
        // Folders made read-only by a test must be writable again to be deleted. Only
        // real folders: chmod follows links, and a link may lead out of the tree.
        chmod(path, 0o755)
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            while let relative = enumerator.nextObject() as? String {
                var status = stat()
                if lstat(at(relative), &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    chmod(at(relative), 0o755)
                }
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
