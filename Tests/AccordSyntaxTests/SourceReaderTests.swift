import AccordSyntax
import Foundation
import Testing

/// `SourceReader` reads regular files only, up to a size limit: a path that names a
/// folder, a FIFO or a device gets a clear failure at once instead of a hang.
@Suite struct SourceReaderTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func readsARegularFileWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.accord").path
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(SourceReader.read(path) == .success(bytes))
    }

    @Test func aMissingFileAndAFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SourceReader.read(folder.appendingPathComponent("none.accord").path) == .failure(.missing))
        #expect(SourceReader.read(folder.path) == .failure(.isFolder))
    }

    /// Without O_NONBLOCK, opening a FIFO nobody writes would wait forever.
    @Test(.timeLimit(.minutes(1))) func aFIFOIsRefusedWithoutWaiting() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pipe.accord").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(SourceReader.read(path) == .failure(.notRegularFile))
    }

    /// `/dev/zero` never ends; it is refused as a device before a byte is read.
    @Test func aDeviceIsRefused() {
        #expect(SourceReader.read("/dev/zero") == .failure(.notRegularFile))
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.csv").path
        try Data(count: 3000).write(to: URL(fileURLWithPath: path))
        #expect(SourceReader.read(path, maximumSize: 2048) == .failure(.tooLarge(size: 3000, limit: 2048)))
        #expect(SourceReader.read(path, maximumSize: 3000).map(\.count) == .success(3000))
        #expect(SourceReader.Failure.tooLarge(size: 3000, limit: 2048).message(path: "big.csv")
                == "`big.csv` is too large: 2.9 KB, more than the limit of 2 KB")
    }

    @Test func sizesReadAsPeopleWriteThem() {
        #expect(SourceReader.describe(1) == "1 byte")
        #expect(SourceReader.describe(80) == "80 bytes")
        #expect(SourceReader.describe(1 << 30) == "1 GB")
        #expect(SourceReader.describe(3 << 29) == "1.5 GB")
        #expect(SourceReader.describe(300 << 20) == "300 MB")
    }

    /// Through the loader: a device named on the command line or in an import is an
    /// error with a stable code, not a hang.
    @Test func theLoaderReportsADeviceWithItsCode() {
        let output = SourceLoader().load(paths: ["/dev/zero"])
        #expect(output.diagnostics.map(\.code) == ["load.not-a-file"])
        #expect(output.diagnostics.first?.message == "`/dev/zero` is not a regular file (a device, pipe or socket)")
    }
}
