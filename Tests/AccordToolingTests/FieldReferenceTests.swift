import AccordCheck
import AccordTooling
import Testing

/// The `--vary` reference parser: keys as a rule file writes them, and each mistake
/// pointed at by column (in characters, so CJK keys count one column each).
@Suite struct FieldReferenceTests {
    @Test func readsATemplateAKeyAndAField() throws {
        let reference = try FieldReference.parse(#"Region["Jilin"].trade_busd"#)
        #expect(reference == FieldReference(template: "Region", key: [.string("Jilin")], field: "trade_busd"))
        #expect(reference.description == #"Region["Jilin"].trade_busd"#)
        #expect(reference.fact == #"Region["Jilin"]"#)
    }

    @Test func readsEveryKindOfConstantKey() throws {
        let reference = try FieldReference.parse(#" Route [ "Heihe", 17, -2, -0.5, true, false ] . toll "#)
        #expect(reference.template == "Route")
        #expect(reference.key == [.string("Heihe"), .int(17), .int(-2), .float(-0.5), .bool(true), .bool(false)])
        #expect(reference.field == "toll")
    }

    @Test func readsCJKAndEscapes() throws {
        let reference = try FieldReference.parse(#"Region["黑龙江 \"north\""].trade"#)
        #expect(reference.key == [.string(#"黑龙江 "north""#)])
    }

    struct Mistake: CustomTestStringConvertible, Sendable {
        let text: String
        let message: String
        let column: Int
        let length: Int
        var testDescription: String { text }
    }

    static let mistakes: [Mistake] = [
        Mistake(text: #"["Jilin"].x"#, message: "expected a template name, found `[`", column: 0, length: 1),
        Mistake(text: "Region.trade", message: "expected `[` and the fact's key after `Region`, found `.`", column: 6, length: 1),
        Mistake(text: "Region[].trade", message: "expected a key value (a string, a number, true or false), found `]`", column: 7, length: 1),
        Mistake(text: #"Region["a" "b"].x"#, message: "expected `,` or `]` after a key value, found string", column: 11, length: 3),
        Mistake(text: #"Region["a"]"#, message: "expected `.` and a field name after `]`, found end of file", column: 11, length: 1),
        Mistake(text: #"Region["a"]."#, message: "expected a field name after `.`, found end of file", column: 12, length: 1),
        Mistake(text: #"Region["a"].x.y"#, message: "unexpected `.` after the field name", column: 13, length: 1),
        Mistake(text: #"Region["黑龙江"]x"#, message: "expected `.` and a field name after `]`, found `x`", column: 13, length: 1),
        Mistake(text: #"Region[-"a"].x"#, message: "expected a number after `-`, found string", column: 8, length: 3),
        Mistake(text: #"Region["{$x}"].y"#, message: "a key cannot interpolate: it must be a constant", column: 7, length: 6),
        Mistake(text: #"Region[$r].y"#, message: "expected a key value (a string, a number, true or false), found `$r`", column: 7, length: 2),
    ]

    @Test(arguments: mistakes)
    func mistakesArePointedAt(_ mistake: Mistake) {
        #expect(throws: InputError.self) { try FieldReference.parse(mistake.text) }
        do {
            _ = try FieldReference.parse(mistake.text)
        } catch {
            #expect(error.message == mistake.message)
            #expect(error.excerpt == InputError.Excerpt(text: mistake.text, column: mistake.column, length: mistake.length))
        }
    }

    @Test func anEmptyReferenceSaysHowToWriteOne() {
        do {
            _ = try FieldReference.parse("  ")
            Issue.record("parsed an empty reference")
        } catch {
            #expect(error.message == "the --vary reference is empty")
            #expect(error.notes == [#"write it as Template["key"].field, for example Region["Jilin"].trade_busd"#])
        }
    }

    @Test func anUnterminatedStringIsTheLexersError() {
        do {
            _ = try FieldReference.parse(#"Region["Jilin].x"#)
            Issue.record("parsed an unterminated string")
        } catch {
            #expect(error.message.contains("unterminated"))
            #expect(error.excerpt?.column == 7)
        }
    }
}
