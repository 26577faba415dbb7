import Foundation

/// The system calls of `AtomicFile` that can fail halfway through a write, as values:
/// the real ones in use, failing stand-ins in tests (a full disk, a rename refused).
struct FileCalls: Sendable {
    var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    var fsync: @Sendable (Int32) -> Int32
    var rename: @Sendable (String, String) -> Int32

    static let system = FileCalls(
        write: { descriptor, bytes, count in Foundation.write(descriptor, bytes, count) },
        fsync: { descriptor in Foundation.fsync(descriptor) },
        rename: { from, to in Foundation.rename(from, to) })

    /// Flushes a folder's entries (a rename in it) to disk, as far as the system allows.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = Foundation.fsync(descriptor)
        close(descriptor)
    }

    /// The process's umask, read from /proc rather than by setting it and back, which
    /// would briefly change it for every other thread. 022 where /proc does not say.
    static func umaskBits() -> mode_t {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let bits = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return 0o022 }
        return bits
    }

    /// The text of the current `errno`, as `strerror` gives it.
    static func lastError() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        let length = strlen(message)
        return message.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }
}
