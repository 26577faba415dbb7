import AccordCheck
import AccordEngine
import Testing

/// Helpers for the per-node tests: finding facts by field values and reading
/// recommendations in a form that states the whole result.
extension Engine {
    /// The id of the one live fact of `template` whose fields include `fields`.
    func id(_ template: String, _ fields: [String: Value], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let matches = facts(of: template).filter { fact in
            fields.allSatisfy { name, value in fact.fields.contains { $0.name == name && $0.value == value } }
        }
        #expect(matches.count == 1, "\(matches.count) `\(template)` facts match \(fields)", sourceLocation: sourceLocation)
        return try #require(matches.first, sourceLocation: sourceLocation).id
    }

    /// `rule subject score text` per recommendation, in rank order.
    var advice: [String] {
        recommendations().map { "\($0.rule) \($0.subject) \(formatScore($0.score)) \($0.text)" }
    }

    /// The texts of the recommendations, sorted (for rules whose scores tie).
    var texts: [String] { recommendations().map(\.text).sorted() }

    /// One field of every live fact of a template, rendered, sorted.
    func column(_ template: String, _ field: String) -> [String] {
        facts(of: template).compactMap { fact in fact.fields.first { $0.name == field }?.value.description }.sorted()
    }

    /// `from>to` for every live fact of a two-field edge-like template, sorted.
    func pairs(_ template: String, _ first: String = "from", _ second: String = "to") -> [String] {
        facts(of: template).map { fact in
            let a = fact.fields.first { $0.name == first }?.value
            let b = fact.fields.first { $0.name == second }?.value
            return "\(a.map(Self.plain) ?? "?")>\(b.map(Self.plain) ?? "?")"
        }.sorted()
    }

    static func plain(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        return value.description
    }
}

/// A program run from the start, its `print` lines collected.
final class PrintLog {
    var lines: [String] = []
    var sink: (String) -> Void { { [unowned self] line in self.lines.append(line) } }
}
