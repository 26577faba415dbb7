import Foundation

/// Writes a file so that it is either wholly old or wholly new: the text goes to a
/// temporary file in the same folder, is flushed to disk, takes the original's
/// permissions, and is renamed over the target. On any error the original is untouched.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write `\(path)`: \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: systemError()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var removeTemporary = true
        defer {
            if removeTemporary { unlink(temporary) }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = systemError()
                close(descriptor)
                throw WriteError(path: path, reason: reason)
            }
            written += result
        }
        var status = stat()
        if stat(path, &status) == 0 {
            fchmod(descriptor, status.st_mode & 0o7777)
        } else {
            fchmod(descriptor, 0o644)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            throw WriteError(path: path, reason: systemError())
        }
        guard rename(temporary, path) == 0 else {
            throw WriteError(path: path, reason: systemError())
        }
        removeTemporary = false
    }
}

/// The text of the current `errno`, as `strerror` gives it.
private func systemError() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    let length = strlen(message)
    return message.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
