#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the bytes of a file that a load names: a rule file, an import, a CSV file.
/// Only regular files are read, and only up to a size limit, because a path can name
/// anything: a folder, a FIFO that nobody writes (reading it would block forever),
/// `/dev/zero` (never ends) or a file far larger than any rule base. The bytes go
/// straight into one array, without an intermediate `Data`, so a large file is held
/// once.
public enum SourceReader {
    /// 1 GiB. Loading needs several times a file's size (tokens, syntax tree, facts),
    /// so a larger file would exhaust memory before it was checked; see docs/sanitizers.md.
    public static let defaultMaximumSize = 1 << 30

    public enum Failure: Error, Equatable, Sendable {
        case missing
        case isFolder
        /// A FIFO, socket or device: its size says nothing and reading it may never end.
        case notRegularFile
        case tooLarge(size: Int, limit: Int)
        /// Any other error of `open` or `read`, with the system's description.
        case unreadable(String)

        /// The message after "cannot read `path`" or in place of it.
        public func message(path: String) -> String {
            switch self {
            case .missing:
                return "no such file `\(path)`"
            case .isFolder:
                return "`\(path)` is a folder, not a file"
            case .notRegularFile:
                return "`\(path)` is not a regular file (a device, pipe or socket)"
            case .tooLarge(let size, let limit):
                return "`\(path)` is too large: \(SourceReader.describe(size)), more than the limit of \(SourceReader.describe(limit))"
            case .unreadable(let reason):
                return "cannot read `\(path)`: \(reason)"
            }
        }

        /// Distinguishes the failures in diagnostic codes (`load.not-a-file`, ...).
        public var codeSuffix: String {
            switch self {
            case .missing, .unreadable: return "unreadable-file"
            case .isFolder, .notRegularFile: return "not-a-file"
            case .tooLarge: return "file-too-large"
            }
        }
    }

    public static func read(_ path: String, maximumSize: Int = defaultMaximumSize) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.missing) }
            if code == EISDIR { return .failure(.isFolder) }
            return .failure(.unreadable(describeErrno(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(describeErrno(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isFolder)
        default: return .failure(.notRegularFile)
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else { return .failure(.tooLarge(size: size, limit: maximumSize)) }
        return readAll(descriptor, size: size)
    }

    /// Reads `size` bytes (fewer if the file shrank meanwhile; growth after `fstat` is ignored,
    /// so the limit holds).
    private static func readAll(_ descriptor: Int32, size: Int) -> Result<[UInt8], Failure> {
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let count = systemRead(descriptor, buffer.baseAddress.map { $0 + initialized }, size - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    return
                } else if errno != EINTR {
                    failure = .unreadable(describeErrno(errno))
                    return
                }
            }
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    private static func describeErrno(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    /// Sizes in the units people read: `1.5 GB`, `300 MB`, `12 KB`, `80 bytes` (powers of 1024).
    public static func describe(_ size: Int) -> String {
        let units = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (scale, unit) in units where size >= scale {
            let value = Double(size) / Double(scale)
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
        }
        return "\(size) \(size == 1 ? "byte" : "bytes")"
    }
}

/// The C library's `read`, named apart so that `SourceReader.read` does not hide it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
