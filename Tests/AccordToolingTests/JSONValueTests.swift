import AccordTooling
import Testing

@Suite struct JSONValueTests {
    @Test func keepsMemberOrderAndIndentsByTwo() {
        let value = JSONValue.object([
            .init("b", .int(1)),
            .init("a", .array([.string("x"), .double(1)])),
            .init("c", .object([])),
            .init("d", .array([.object([.init("e", .null)])])),
        ])
        #expect(value.rendered() == """
        {
          "b": 1,
          "a": ["x", 1.0],
          "c": {},
          "d": [
            {
              "e": null
            }
          ]
        }

        """)
    }

    @Test func escapesStringsAndKeepsUnicode() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}黑龙江").compact() == #""a\"b\\c\nd\u0001黑龙江""#)
    }

    @Test func floatsStayFloatsAndNonFiniteIsNull() {
        #expect(JSONValue.double(0.8).compact() == "0.8")
        #expect(JSONValue.double(2).compact() == "2.0")
        #expect(JSONValue.double(.infinity).compact() == "null")
        #expect(JSONValue.int(2).compact() == "2")
    }
}
