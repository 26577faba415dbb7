@testable import AccordCheck
import Testing

@Suite struct ValueTypeTests {
    @Test func intWidensToFloatButNotBack() {
        #expect(ValueType.float.canHold(.int))
        #expect(!ValueType.int.canHold(.float))
        #expect(ValueType.list(.float).canHold(.list(.int)))
        #expect(!ValueType.list(.int).canHold(.list(.float)))
        #expect(!ValueType.string.canHold(.list(.string)))
    }

    @Test func emptyListFitsAnyList() {
        let empty = ValueType.list(.unknown)
        #expect(ValueType.list(.string).canHold(empty))
        #expect(ValueType.list(.list(.int)).canHold(empty))
        #expect(!ValueType.string.canHold(empty))
        #expect(empty.description == "[]")
    }

    @Test func joinWidensAndRefuses() {
        #expect(ValueType.join(.int, .float) == .float)
        #expect(ValueType.join(.int, .int) == .int)
        #expect(ValueType.join(.list(.int), .list(.float)) == .list(.float))
        #expect(ValueType.join(.unknown, .bool) == .bool)
        #expect(ValueType.join(.string, .int) == nil)
        #expect(ValueType.join(.list(.string), .list(.int)) == nil)
    }

    @Test func descriptions() {
        #expect(ValueType.list(.list(.string)).description == "[[string]]")
        #expect(Value.list([.string("a\"b"), .int(-3), .float(2), .bool(true)]).description == #"["a\"b", -3, 2.0, true]"#)
    }

    @Test func valuesWidenToTheirField() {
        #expect(Value.int(3).coerced(to: .float) == .float(3))
        #expect(Value.list([.int(1), .float(2.5)]).coerced(to: .list(.float)) == .list([.float(1), .float(2.5)]))
        #expect(Value.int(3).coerced(to: .int) == .int(3))
        #expect(Value.list([.int(1), .float(2.5)]).type == .list(.float))
        #expect(Value.list([]).type == .list(.unknown))
    }
}

@Suite struct NameSuggestionTests {
    @Test func closeSpellings() {
        #expect(NameSuggestion.best(for: "Prak", among: ["Park", "Region", "Hub"]) == "Park")
        #expect(NameSuggestion.best(for: "nme", among: ["name", "country"]) == "name")
        #expect(NameSuggestion.best(for: "Hbu", among: ["Hub", "Park"]) == "Hub")
        #expect(NameSuggestion.best(for: "region", among: ["Region"]) == "Region")
        #expect(NameSuggestion.best(for: "enterp", among: ["enterprises", "name"]) == "enterprises")
    }

    @Test func farNamesAreNotSuggested() {
        #expect(NameSuggestion.best(for: "x", among: ["y", "z"]) == nil)
        #expect(NameSuggestion.best(for: "size", among: ["len", "count", "abs"]) == nil)
        #expect(NameSuggestion.best(for: "Park", among: ["Park"]) == nil)
    }

    @Test func closestThenAlphabetical() {
        #expect(NameSuggestion.best(for: "cat", among: ["cart", "dog", "bat"]) == "bat")
        #expect(NameSuggestion.best(for: "Prak", among: ["Parks", "Park"]) == "Park")
        #expect(NameSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(NameSuggestion.editDistance(Array("ab"), Array("ba")) == 1)
    }
}
