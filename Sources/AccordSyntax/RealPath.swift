import Foundation

/// A path as the file system would follow it: absolute, with `.` and `..` applied and
/// every symbolic link replaced by where it leads, like realpath(3). Unlike realpath(3)
/// it also answers for a path that does not exist (yet): the part that exists is
/// resolved, the rest is applied by name. The load root compares these, so that neither
/// `..` nor a link inside a folder can lead a rule file out of it, and a missing file
/// outside the root is refused as outside rather than reported as missing (a rule file
/// must not learn what exists where it may not read).
public enum RealPath {
    /// Links followed before giving up, as Linux's own limit for one lookup (ELOOP).
    static let maxLinks = 40

    /// Nil only when more than `maxLinks` links are followed (a cycle of links).
    public static func resolve(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // The components still to walk, the next one last.
        var pending = Array(components(of: absolute).reversed())
        var resolved = "/"
        var linksFollowed = 0
        var missing = false
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                // `resolved` has no links left in it, so its parent by name is its real parent.
                resolved = parent(of: resolved)
                continue
            }
            let candidate = resolved == "/" ? "/" + component : resolved + "/" + component
            if missing {
                resolved = candidate
                continue
            }
            var status = stat()
            guard lstat(candidate, &status) == 0 else {
                missing = true
                resolved = candidate
                continue
            }
            guard status.st_mode & S_IFMT == S_IFLNK else {
                resolved = candidate
                continue
            }
            linksFollowed += 1
            guard linksFollowed <= maxLinks, let target = linkTarget(candidate) else { return nil }
            if target.hasPrefix("/") { resolved = "/" }
            pending += components(of: target).reversed()
        }
        return resolved
    }

    /// The real path shown to the user: relative to the current folder when it lies
    /// below it (so messages and goldens do not depend on where a checkout lives),
    /// absolute otherwise.
    public static func display(_ realPath: String) -> String {
        guard let here = resolve(FileManager.default.currentDirectoryPath) else { return realPath }
        if realPath == here { return "." }
        let prefix = here == "/" ? "/" : here + "/"
        return realPath.hasPrefix(prefix) ? String(realPath.dropFirst(prefix.count)) : realPath
    }

    /// True when `path` is `folder` or lies below it; both are real paths.
    static func isInside(_ path: String, folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    private static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// What a symbolic link holds, or nil when it cannot be read.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { pointer -> Int in
            guard let base = pointer.baseAddress else { return -1 }
            return readlink(path, base, pointer.count - 1)
        }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
