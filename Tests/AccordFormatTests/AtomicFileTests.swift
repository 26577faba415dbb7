@testable import AccordFormat
import AccordTestSupport
import Foundation
import Testing

/// Whatever step of a write fails, the original stays byte for byte and no temporary
/// file is left behind; a write that succeeds keeps the original's permissions and
/// writes through a symbolic link.
@Suite struct AtomicFileTests {
    static let original = "template T {\n  key a\n  a: int\n}\n"

    enum Step: String, CaseIterable, CustomTestStringConvertible {
        case write, fsync, rename
        var testDescription: String { rawValue }
    }

    /// The system calls with `step` failing as a full disk or a refused rename would.
    static func failing(_ step: Step) -> FileCalls {
        var calls = FileCalls.system
        switch step {
        case .write:
            calls.write = { _, _, _ in errno = ENOSPC; return -1 }
        case .fsync:
            calls.fsync = { _ in errno = EIO; return -1 }
        case .rename:
            calls.rename = { _, _ in errno = EXDEV; return -1 }
        }
        return calls
    }

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    @Test(arguments: Step.allCases)
    func aFailingStepLeavesTheOriginalAndNoTemporaryFile(_ step: Step) throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        let path = try tree.write(AtomicFileTests.original, to: "rules.accord")
        chmod(path, 0o640)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("changed\n", to: path, calls: AtomicFileTests.failing(step))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(AtomicFileTests.mode(path) == 0o640)
        #expect(try tree.contents() == ["rules.accord"])
    }

    @Test func theErrorNamesThePathAndTheReason() throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        let path = try tree.write(AtomicFileTests.original, to: "rules.accord")
        do {
            try AtomicFile.write("changed\n", to: path, calls: AtomicFileTests.failing(.write))
            Issue.record("the write should have failed")
        } catch {
            #expect(error.description == "cannot write `\(path)`: No space left on device")
        }
    }

    /// As root the folder's mode does not stop the write, so only an ordinary user can see this one.
    @Test(.enabled(if: geteuid() != 0, "root may write into a read-only folder"))
    func aReadOnlyFolderLeavesTheOriginal() throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        let path = try tree.write(AtomicFileTests.original, to: "locked/rules.accord")
        chmod(tree.at("locked"), 0o555)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("changed\n", to: path) }
        #expect(Fixtures.read(path) == AtomicFileTests.original)
        #expect(try tree.contents(of: "locked") == ["rules.accord"])
    }

    @Test func aMissingFolderIsAnError() throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: tree.at("missing/rules.accord")) }
        #expect(try tree.contents() == [])
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        let path = try tree.write(AtomicFileTests.original, to: "rules.accord")
        for mode: mode_t in [0o600, 0o640, 0o755] {
            chmod(path, mode)
            try AtomicFile.write("text \(mode)\n", to: path)
            #expect(Fixtures.read(path) == "text \(mode)\n")
            #expect(AtomicFileTests.mode(path) == mode)
        }
        #expect(try tree.contents() == ["rules.accord"])
    }

    /// A new file gets what `open(path, O_CREAT, 0666)` would under the same umask, not mkstemp's 0600.
    @Test func aNewFileGetsTheUmasksPermissions() throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        try AtomicFile.write("new\n", to: tree.at("new.accord"))
        let reference = open(tree.at("reference"), O_CREAT | O_WRONLY, 0o666)
        close(reference)
        #expect(AtomicFileTests.mode(tree.at("new.accord")) == AtomicFileTests.mode(tree.at("reference")))
        #expect(Fixtures.read(tree.at("new.accord")) == "new\n")
    }

    /// Written through: the file the link leads to changes, the link stays a link.
    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let tree = try TemporaryTree("atomic")
        defer { tree.remove() }
        let real = try tree.write(AtomicFileTests.original, to: "shared/rules.accord")
        let link = try tree.link("rules.accord", to: "shared/rules.accord")
        try AtomicFile.write("through\n", to: link)
        #expect(Fixtures.read(real) == "through\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared/rules.accord")
        #expect(try tree.contents() == ["rules.accord", "shared"])
        #expect(try tree.contents(of: "shared") == ["rules.accord"])
    }
}
