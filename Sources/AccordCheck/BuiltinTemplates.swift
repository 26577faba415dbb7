import AccordSyntax

/// Templates every program has. Recommendations are visible to rules as facts of
/// `Recommendation`, so rules can build on other advice; only `recommend` makes them.
///
/// The template is built here rather than parsed: its field `rule` is a reserved word
/// that a template declaration could not spell. Its spans point into a source text
/// written out for it, so that notes about it still show a line.
enum BuiltinTemplates {
    static let recommendationFields: [(name: String, type: ValueType)] = [
        ("rule", .string), ("subject", .string), ("text", .string),
        ("score", .float), ("category", .string), ("tags", .list(.string)),
    ]

    static let all: [TemplateInfo] = [make("Recommendation", fields: recommendationFields)]

    private static func make(_ name: String, fields: [(name: String, type: ValueType)]) -> TemplateInfo {
        var text = "template \(name) {\n"
        var offsets: [(start: Int, end: Int)] = []
        for field in fields {
            let start = text.utf8.count + 2
            offsets.append((start, start + field.name.utf8.count))
            text += "  \(field.name): \(field.type)\n"
        }
        text += "}\n"
        let file = SourceFile(path: "<built-in>", text: text)
        let nameStart = "template ".utf8.count
        let infos = zip(fields, offsets).map { field, offset in
            FieldInfo(name: field.name, type: field.type, defaultValue: nil,
                      span: SourceSpan(file: file, start: offset.start, end: offset.end))
        }
        return TemplateInfo(name: name, fields: infos, key: [],
                            span: SourceSpan(file: file, start: nameStart, end: nameStart + name.utf8.count), isBuiltIn: true)
    }
}
