import AccordCheck
import AccordSyntax
import AccordTooling
import Testing

/// The values a sweep tries: ranges in the field's type, inclusive of `--to`, without
/// accumulated floating-point drift; lists parsed per field type.
@Suite struct SweepValuesTests {
    static let file = SourceFile(path: "test.accord", text: "")

    static func field(_ type: ValueType) -> FieldInfo {
        FieldInfo(name: "x", type: type, defaultValue: nil, span: SourceSpan(file: file, start: 0, end: 0))
    }

    static func range(_ from: String, _ to: String, _ step: String, _ type: ValueType = .float) throws -> [Value] {
        try SweepValues.range(from: from, to: to, step: step, field: field(type))
    }

    static func message(_ work: () throws -> [Value]) -> String? {
        do {
            _ = try work()
            return nil
        } catch let error as InputError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func floatStepsPrintAsWritten() throws {
        let values = try Self.range("0", "1", "0.1")
        #expect(values.map(\.description) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
    }

    /// Point i is from + i * step: a thousand small steps end exactly where they should.
    @Test func noDriftOverManyPoints() throws {
        let values = try Self.range("0", "100", "0.1")
        #expect(values.count == 1001)
        #expect(values[333] == .float(33.3))
        #expect(values.last == .float(100))
    }

    @Test func theRangeIncludesToOnlyWhenAStepLandsOnIt() throws {
        #expect(try Self.range("0", "1", "0.25").count == 5)
        #expect(try Self.range("0", "1.1", "0.25").last == .float(1))
        #expect(try Self.range("5", "5", "1") == [.float(5)])
    }

    @Test func negativeStepsGoDown() throws {
        #expect(try Self.range("1", "0", "-0.5") == [.float(1), .float(0.5), .float(0)])
        #expect(try Self.range("-1", "-0.2", "0.4").map(\.description) == ["-1.0", "-0.6", "-0.2"])
        #expect(try Self.range("10", "0", "-5", .int) == [.int(10), .int(5), .int(0)])
    }

    @Test func decimalsComeFromFromAndStep() throws {
        #expect(try Self.range("0.05", "0.3", "0.05").map(\.description) == ["0.05", "0.1", "0.15", "0.2", "0.25", "0.3"])
        #expect(try Self.range("0", "0.003", "1e-3").map(\.description) == ["0.0", "0.001", "0.002", "0.003"])
    }

    @Test func intFieldsTakeWholeNumbers() throws {
        #expect(try Self.range("0", "10", "5", .int) == [.int(0), .int(5), .int(10)])
        #expect(try Self.range("0", "4.0", "2", .int) == [.int(0), .int(2), .int(4)])
        #expect(Self.message { try Self.range("0", "10", "2.5", .int) } == "--step: `2.5` is not a whole number, and `x` is an int field")
        #expect(Self.message { try Self.range("0.5", "10", "1", .int) } == "--from: `0.5` is not a whole number, and `x` is an int field")
    }

    @Test func floatFieldsTakeInts() throws {
        #expect(try Self.range("1", "3", "1") == [.float(1), .float(2), .float(3)])
    }

    @Test func badSteps() {
        #expect(Self.message { try Self.range("0", "1", "0") } == "--step must not be 0")
        #expect(Self.message { try Self.range("0", "1", "-0.1") } == "--step -0.1 moves away from --to")
        #expect(Self.message { try Self.range("1", "0", "0.1") } == "--step 0.1 moves away from --to")
        #expect(Self.message { try Self.range("0", "1", "nan") } == "--step: `nan` is not a number")
        #expect(Self.message { try Self.range("0", "inf", "1") } == "--to: `inf` is not a number")
        #expect(Self.message { try Self.range("0x10", "1", "1") } == "--from: `0x10` is not a number")
    }

    @Test func thePointCountIsCapped() throws {
        #expect(try Self.range("1", "100000", "1", .int).count == SweepValues.maximumPoints)
        #expect(Self.message { try Self.range("0", "100000", "1", .int) } == "the range has 100001 points; a sweep tries at most 100000")
        #expect(Self.message { try Self.range("-9223372036854775807", "9223372036854775807", "1", .int) }
            == "the range has too many points; a sweep tries at most 100000")
        #expect(Self.message { try Self.range("0", "1e300", "1e-300") } == "the range has too many points; a sweep tries at most 100000")
    }

    @Test func rangesNeedANumberField() {
        #expect(Self.message { try Self.range("0", "1", "1", .string) } == "--from, --to and --step need a number field, and `x` is a string")
    }

    @Test func listsTakeTheFieldsType() throws {
        #expect(try SweepValues.list("1, 2.5 ,3", field: Self.field(.float)) == [.float(1), .float(2.5), .float(3)])
        #expect(try SweepValues.list("1,2", field: Self.field(.int)) == [.int(1), .int(2)])
        #expect(try SweepValues.list("true,false", field: Self.field(.bool)) == [.bool(true), .bool(false)])
        #expect(try SweepValues.list(#"CN, RU , "a, b", "say \"hi\"""#, field: Self.field(.string))
            == [.string("CN"), .string("RU"), .string("a, b"), .string(#"say "hi""#)])
        #expect(try SweepValues.list("1,,2,", field: Self.field(.int)) == [.int(1), .int(2)])
    }

    @Test func listMistakes() {
        #expect(Self.message { try SweepValues.list(" , ", field: Self.field(.int)) } == "--values lists no value")
        #expect(Self.message { try SweepValues.list("yes", field: Self.field(.bool)) } == "--values: `yes` is not true or false, and `x` is a bool field")
        #expect(Self.message { try SweepValues.list(#""1""#, field: Self.field(.float)) } == "--values: `1` is not a number, and `x` is a float field")
        #expect(Self.message { try SweepValues.list("1.5", field: Self.field(.int)) } == "--values: `1.5` is not a whole number, and `x` is an int field")
    }
}
