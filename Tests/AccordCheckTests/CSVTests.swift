@testable import AccordCheck
import AccordSyntax
import Foundation
import Testing

@Suite struct CSVLayoutTests {
    func cells(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        return CSVLayout(bytes: bytes, start: 0).records.map { record in
            record.cells.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func quotedCellsKeepTheirQuotesAndCommas() {
        #expect(cells("a,\"b,c\",d\n1,2,3\n") == [["a", "\"b,c\"", "d"], ["1", "2", "3"]])
    }

    @Test func aQuotedLineBreakStaysInItsRecord() {
        #expect(cells("a,\"x\ny\",b\r\nc,d,e") == [["a", "\"x\ny\"", "b"], ["c", "d", "e"]])
    }

    @Test func emptyCellsAndBlankLines() {
        let layout = CSVLayout(bytes: Array("a,,\n\nb\n".utf8), start: 0)
        #expect(layout.records.map(\.cells.count) == [3, 1, 1])
        #expect(layout.records.map(\.isBlank) == [false, true, false])
    }

    @Test func escapedQuotes() {
        #expect(cells("\"say \"\"hi\"\"\",x\n") == [["\"say \"\"hi\"\"\"", "x"]])
    }
}

@Suite struct CSVCellTests {
    let span = SourceSpan(file: SourceFile(path: "x", text: "x"), start: 0, end: 1)

    func field(_ type: ValueType, default value: Value? = nil) -> FieldInfo {
        FieldInfo(name: "f", type: type, defaultValue: value, span: span)
    }

    @Test func scalars() {
        #expect(CSVCell.read(" 12 ", as: field(.int)) == .value(.int(12)))
        #expect(CSVCell.read("12", as: field(.float)) == .value(.float(12)))
        #expect(CSVCell.read("-2.5e1", as: field(.float)) == .value(.float(-25)))
        #expect(CSVCell.read("TRUE", as: field(.bool)) == .value(.bool(true)))
        #expect(CSVCell.read(" as is ", as: field(.string)) == .value(.string(" as is ")))
    }

    @Test func badScalars() {
        #expect(CSVCell.read("1.5", as: field(.int)) == .invalid("cannot read `1.5` as `int` for field `f`"))
        #expect(CSVCell.read("inf", as: field(.float)) != .value(.float(.infinity)))
        #expect(CSVCell.read("yes", as: field(.bool)) == .invalid("cannot read `yes` as `bool` for field `f`"))
    }

    @Test func lists() {
        #expect(CSVCell.read("a; b ;c;", as: field(.list(.string))) == .value(.list([.string("a"), .string("b"), .string("c")])))
        #expect(CSVCell.read("1;2", as: field(.list(.float))) == .value(.list([.float(1), .float(2)])))
        #expect(CSVCell.read("", as: field(.list(.int))) == .value(.list([])))
        #expect(CSVCell.read("1;x", as: field(.list(.int))) == .invalid("cannot read `x` as `int` in list field `f`"))
    }

    @Test func emptyCells() {
        #expect(CSVCell.read("", as: field(.int, default: .int(7))) == .value(.int(7)))
        #expect(CSVCell.read(" ", as: field(.list(.string), default: .list([.string("x")]))) == .value(.list([.string("x")])))
        #expect(CSVCell.read("", as: field(.string)) == .value(.string("")))
        #expect(CSVCell.read("", as: field(.float)) == .invalid("empty cell for required field `f` of type `float`"))
    }
}

/// CSV files next to a snippet written into a fresh temporary folder.
@Suite struct CSVFactsTests {
    func check(_ accord: String, files: [String: String]) throws -> CheckResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return checkSnippet(accord, path: folder.appendingPathComponent("main.accord").path)
    }

    let port = "template Port {\n  key code\n  code: int\n  name: string\n  depth: float = 0\n}\n"

    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let result = try check(port + "facts Port from \"ports.csv\"\n",
                               files: ["ports.csv": "\u{FEFF}code, name ,depth\r\n17,Dalian,\r\n18,Yingkou,12.5\r\n"])
        #expect(result.diagnostics.isEmpty, "\(located(result))")
        #expect(result.model.facts.map { $0.fields["code"] } == [.int(17), .int(18)])
        #expect(result.model.facts.map { $0.fields["depth"] } == [.float(0), .float(12.5)])
    }

    @Test func headerColumnsCountCharacters() throws {
        let result = try check(port + "facts Port from \"ports.csv\"\n",
                               files: ["ports.csv": "\"名称, 代码\",code,name,dept\n\"港\",1,Dalian,2\n"])
        #expect(located(result) == ["check.csv-unknown-column 1:1", "check.csv-unknown-column 1:20"])
        #expect(result.diagnostics.last?.notes.map(\.message) == ["did you mean `depth`?"])
        #expect(result.model.facts.isEmpty)
    }

    @Test func aDuplicateKeyBetweenRows() throws {
        let result = try check(port + "facts Port from \"ports.csv\"\n",
                               files: ["ports.csv": "code,name\n17,Dalian\n17,\"Dalian\nagain\"\n"])
        let error = try #require(result.diagnostics.first)
        #expect(located(result) == ["check.duplicate-key 3:1"])
        #expect(error.message == "a `Port` fact with key 17 already exists")
        #expect(error.notes.first?.span?.startLocation.line == 2)
        #expect(result.model.facts.isEmpty)
    }

    @Test func anEmptyFileHasNoHeader() throws {
        let result = try check(port + "facts Port from \"ports.csv\"\n", files: ["ports.csv": ""])
        #expect(located(result) == ["check.csv-unreadable 7:17"])
    }

    @Test func aCiteColumnCitesItsRow() throws {
        let result = try check(port + "facts Port from \"ports.csv\" cite \"default\"\n",
                               files: ["ports.csv": "code,name,cite\n1,a,row one\n2,b,\n"])
        #expect(result.model.facts.map(\.cite) == ["row one", "default"])
    }
}
