import AccordFuzzing
import Testing

/// How one fuzz input becomes files: the main file, then one per `%%% name` line.
@Suite struct FuzzInputTests {
    func files(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for file in FuzzInput(Array(text.utf8)).files {
            result[file.name] = String(decoding: file.bytes, as: UTF8.self)
        }
        return result
    }

    @Test func plainInputIsTheMainFile() {
        #expect(files("rule r {}\n") == ["main.accord": "rule r {}\n"])
        #expect(files("") == ["main.accord": ""])
    }

    @Test func markerLinesStartFiles() {
        let text = "import \"b.accord\"\n%%% b.accord\ntemplate T { x: int }\n%%% data.csv\nx\n1\n"
        #expect(files(text) == [
            "main.accord": "import \"b.accord\"\n",
            "b.accord": "template T { x: int }\n",
            "data.csv": "x\n1\n",
        ])
    }

    @Test func namesThatCouldLeaveTheFolderAreNotMarkers() {
        for line in ["%%% ../x", "%%% /etc/passwd", "%%% a/b", "%%% ..", "%%% ", "%%%x"] {
            #expect(files(line + "\nrest") == ["main.accord": line + "\nrest"], "\(line)")
        }
    }

    @Test func aRepeatedNameKeepsItsFirstFile() {
        #expect(files("a\n%%% x.csv\nfirst\n%%% x.csv\nsecond") == ["main.accord": "a\n", "x.csv": "first\n"])
        #expect(FuzzInput(Array("%%% main.accord\nb".utf8)).files.map(\.name) == ["main.accord"])
    }
}
