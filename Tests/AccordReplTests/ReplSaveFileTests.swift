import AccordRepl
import AccordTestSupport
import Foundation
import Testing

/// `:save` replaces a file atomically: a save that cannot be written leaves the old
/// file as it was, one that can keeps its permissions and writes through a link.
@Suite struct ReplSaveFileTests {
    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    @Test func aSaveOverAFileKeepsItsPermissions() throws {
        let tree = try TemporaryTree("save")
        defer { tree.remove() }
        let path = try tree.write("// old\n", to: "session.accord")
        chmod(path, 0o600)
        let reply = ReplFixture.session().enter(":save \(path)")
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(Fixtures.read(path).contains("rule border_corridor"))
        #expect(ReplSaveFileTests.mode(path) == 0o600)
        #expect(try tree.contents() == ["session.accord"])
    }

    @Test func aSaveThroughALinkKeepsTheLink() throws {
        let tree = try TemporaryTree("save")
        defer { tree.remove() }
        let real = try tree.write("// old\n", to: "kept/session.accord")
        let link = try tree.link("session.accord", to: "kept/session.accord")
        let reply = ReplFixture.session().enter(":save \(link)")
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(Fixtures.read(real).contains("rule border_corridor"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "kept/session.accord")
    }

    /// A folder where the file should be: the rename fails, the folder and its
    /// contents stay, and no temporary file is left beside it.
    @Test func aSaveThatCannotBeRenamedLeavesEverything() throws {
        let tree = try TemporaryTree("save")
        defer { tree.remove() }
        try tree.write("// inside\n", to: "session.accord/keep.txt")
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter(":save \(tree.at("session.accord"))")
        #expect(reply.diagnostics.contains("cannot write `\(tree.at("session.accord"))`"), "\(reply.diagnostics)")
        #expect(try tree.contents() == ["session.accord"])
        #expect(Fixtures.read(tree.at("session.accord/keep.txt")) == "// inside\n")
        #expect(session.snapshot == before)
    }
}
