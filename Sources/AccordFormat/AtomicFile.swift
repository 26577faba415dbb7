import AccordSyntax
import Foundation

/// Writes a file so that it is either wholly old or wholly new, whatever fails and
/// whenever the machine stops: the text goes to a temporary file in the same folder,
/// takes the original's owner and permissions, is flushed to disk (fsync), and is
/// renamed over the target; then the folder is flushed so the rename itself lasts. On
/// any error the original is untouched and the temporary file is removed. `accord fmt`,
/// the REPL's `:save`, `graph --output` and `--coverage-output` write through it.
///
/// A target that is a symbolic link is written through: the file it leads to is
/// replaced and the link stays a link (as an editor saving it would). A file with
/// several hard links is replaced under this name only; its other names keep the old
/// text, the price of never showing a half-written file.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write `\(path)`: \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(text, to: path, calls: .system)
    }

    /// `calls` lets tests make any step fail and see that nothing is lost.
    static func write(_ text: String, to path: String, calls: FileCalls) throws(WriteError) {
        let target = AtomicFile.destination(of: path)
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: FileCalls.lastError()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var isOpen = true
        var removeTemporary = true
        defer {
            if isOpen { close(descriptor) }
            if removeTemporary { unlink(temporary) }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return calls.write(descriptor, base + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: FileCalls.lastError())
            }
            written += result
        }
        takeOwnerAndPermissions(of: target, for: descriptor)
        guard calls.fsync(descriptor) == 0 else { throw WriteError(path: path, reason: FileCalls.lastError()) }
        isOpen = false
        guard close(descriptor) == 0 else { throw WriteError(path: path, reason: FileCalls.lastError()) }
        guard calls.rename(temporary, target) == 0 else { throw WriteError(path: path, reason: FileCalls.lastError()) }
        removeTemporary = false
        // The new text is in place; flushing the folder makes the rename survive a crash.
        // Should it fail there is nothing to undo, so it is not an error.
        FileCalls.syncFolder(folder.isEmpty ? "." : folder)
    }

    /// Where the text goes: through a symbolic link to the file it leads to.
    static func destination(of path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
        return RealPath.resolve(path) ?? path
    }

    /// The original's owner (when we may set it, as root may) and permission bits; a new
    /// file gets what the umask allows, as if created with `open(..., 0666)` (mkstemp's is 0600).
    private static func takeOwnerAndPermissions(of target: String, for descriptor: Int32) {
        var status = stat()
        guard stat(target, &status) == 0 else {
            fchmod(descriptor, 0o666 & ~FileCalls.umaskBits())
            return
        }
        // Owner first: changing it clears set-user-ID bits, which the chmod then restores.
        if status.st_uid != geteuid() || status.st_gid != getegid() {
            _ = fchown(descriptor, status.st_uid, status.st_gid)
        }
        fchmod(descriptor, status.st_mode & 0o7777)
    }
}
