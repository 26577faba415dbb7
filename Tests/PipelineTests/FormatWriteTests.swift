import AccordTestSupport
import Foundation
import Testing

/// `accord fmt` rewrites files through `AtomicFile`: the permissions stay, a symbolic
/// link stays a link to the formatted file, and nothing else appears in the folder.
@Suite struct FormatWriteTests {
    static let messy = "template   T{key a\na:int}\n"
    static let tidy = "template T {\n  key a\n  a: int\n}\n"

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    @Test func formattingKeepsPermissionsAndLeavesNothingBehind() throws {
        let tree = try TemporaryTree("fmt")
        defer { tree.remove() }
        let path = try tree.write(FormatWriteTests.messy, to: "rules/t.accord")
        chmod(path, 0o640)
        let result = try Accord.run(["fmt", tree.at("rules")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Fixtures.read(path) == FormatWriteTests.tidy)
        #expect(FormatWriteTests.mode(path) == 0o640)
        #expect(try tree.contents(of: "rules") == ["t.accord"])
    }

    /// A link inside a folder that leads out of it is not followed: the file elsewhere stays as it is.
    @Test func aLinkInAFolderLeadingOutIsLeftAlone() throws {
        let tree = try TemporaryTree("fmt")
        defer { tree.remove() }
        let outside = try tree.write(FormatWriteTests.messy, to: "elsewhere/t.accord")
        try tree.link("rules/linked.accord", to: outside)
        let own = try tree.write(FormatWriteTests.messy, to: "rules/own.accord")
        let result = try Accord.run(["fmt", "rules"], directory: tree.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: `rules/linked.accord` leads outside the load root"), "\(result.stderr)")
        #expect(Fixtures.read(outside) == FormatWriteTests.messy)
        #expect(Fixtures.read(own) == FormatWriteTests.tidy)
    }

    @Test func aLinkedFileIsFormattedThroughTheLink() throws {
        let tree = try TemporaryTree("fmt")
        defer { tree.remove() }
        let real = try tree.write(FormatWriteTests.messy, to: "shared/t.accord")
        let link = try tree.link("rules/t.accord", to: "../shared/t.accord")
        let result = try Accord.run(["fmt", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Fixtures.read(real) == FormatWriteTests.tidy)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../shared/t.accord")
        #expect(try tree.contents(of: "rules") == ["t.accord"])
        #expect(try tree.contents(of: "shared") == ["t.accord"])
    }
}
