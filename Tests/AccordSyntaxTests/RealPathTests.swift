import AccordSyntax
import AccordTestSupport
import Foundation
import Testing

/// `RealPath` follows paths as the kernel does: `..` after a link leaves the link's
/// target, not the folder holding the link.
@Suite struct RealPathTests {
    @Test func dotsAndSlashesAreApplied() {
        #expect(RealPath.resolve("/nonexistent//a/./b/../c") == "/nonexistent/a/c")
        #expect(RealPath.resolve("/..") == "/")
        #expect(RealPath.resolve("/") == "/")
    }

    @Test func aRelativePathStartsAtTheCurrentFolder() {
        let here = RealPath.resolve(FileManager.default.currentDirectoryPath)
        #expect(RealPath.resolve("nonexistent-\(UUID().uuidString)").map { ($0 as NSString).deletingLastPathComponent } == here)
    }

    @Test func dotDotAfterALinkLeavesItsTarget() throws {
        let tree = try TemporaryTree("realpath")
        defer { tree.remove() }
        let real = try #require(RealPath.resolve(tree.path))
        try FileManager.default.createDirectory(atPath: tree.at("a/b"), withIntermediateDirectories: true)
        try tree.link("link", to: "a/b")
        #expect(RealPath.resolve(tree.at("link/../x")) == real + "/a/x")
        #expect(RealPath.resolve(tree.at("link")) == real + "/a/b")
    }

    @Test func linksInsideLinksAndAbsoluteTargets() throws {
        let tree = try TemporaryTree("realpath")
        defer { tree.remove() }
        let real = try #require(RealPath.resolve(tree.path))
        try tree.write("x", to: "data/file.csv")
        try tree.link("one", to: tree.at("data"))
        try tree.link("two", to: "one/file.csv")
        #expect(RealPath.resolve(tree.at("two")) == real + "/data/file.csv")
    }

    @Test func aMissingTailIsAppliedByName() throws {
        let tree = try TemporaryTree("realpath")
        defer { tree.remove() }
        let real = try #require(RealPath.resolve(tree.path))
        try tree.link("out", to: "/nonexistent")
        #expect(RealPath.resolve(tree.at("out/x/../y")) == "/nonexistent/y")
        #expect(RealPath.resolve(tree.at("missing/../../z")) == (real as NSString).deletingLastPathComponent + "/z")
    }

    @Test func aCycleOfLinksHasNoRealPath() throws {
        let tree = try TemporaryTree("realpath")
        defer { tree.remove() }
        try tree.link("a", to: "b")
        try tree.link("b", to: "a")
        #expect(RealPath.resolve(tree.at("a")) == nil)
    }

    @Test func displayIsRelativeBelowTheCurrentFolder() throws {
        let here = try #require(RealPath.resolve(FileManager.default.currentDirectoryPath))
        #expect(RealPath.display(here + "/Rules/x.accord") == "Rules/x.accord")
        #expect(RealPath.display(here) == ".")
        #expect(RealPath.display("/nonexistent/x") == "/nonexistent/x")
    }
}
