import AccordCheck
import AccordEngine

/// A `--vary` reference checked against the program: the template exists and has a
/// key, the key values fit the key fields (widened to their types), and the field
/// exists, is not part of the key and holds a single value. Mistakes are usage errors
/// with a "did you mean" where a close name exists.
public struct SweepTarget: Sendable, Hashable {
    /// With the key widened to the key fields' types (`Region[17]` on a float key is `17.0`).
    public let reference: FieldReference
    public let template: TemplateInfo
    public let field: FieldInfo

    public static func resolve(_ reference: FieldReference, in program: CheckedProgram) throws(InputError) -> SweepTarget {
        let name = reference.template
        guard let template = program.template(named: name) else {
            let known = program.templates.filter { !$0.isBuiltIn }.map(\.name)
            throw InputError("no template `\(name)`", notes: suggestion(for: name, among: known))
        }
        guard !template.isBuiltIn else {
            throw InputError("cannot vary `\(name)` facts: only rules make them")
        }
        guard template.isKeyed else {
            throw InputError("`\(name)` has no key field, so its facts cannot be named as `\(name)[...]`")
        }
        let key = try widenedKey(reference, template: template)
        guard let field = template.field(named: reference.field) else {
            throw InputError("`\(name)` has no field `\(reference.field)`",
                             notes: suggestion(for: reference.field, among: template.fieldNames))
        }
        guard !template.key.contains(field.name) else {
            throw InputError("cannot vary `\(field.name)`: it is part of `\(name)`'s key, which names the fact")
        }
        switch field.type {
        case .int, .float, .string, .bool:
            break
        case .list, .unknown:
            throw InputError(
                "cannot vary `\(field.name)`, a `\(field.type)` field: only int, float, string and bool fields can be swept")
        }
        return SweepTarget(reference: FieldReference(template: name, key: key, field: field.name),
                           template: template, field: field)
    }

    /// The fact's id in `engine`; a usage error naming the closest existing key when
    /// there is no such fact (a scenario may have retracted it).
    public func factID(in engine: Engine) throws(InputError) -> Int {
        if let id = engine.fact(template.name, key: reference.key) { return id }
        let known = engine.facts(of: template.name).map { fact -> String in
            let key = template.key.compactMap { name in fact.fields.first { $0.name == name }?.value }
            return FieldReference(template: template.name, key: key, field: field.name).fact
        }
        throw InputError("no `\(template.name)` fact with key \(reference.key.map(\.description).joined(separator: ", "))",
                         notes: SweepTarget.suggestion(for: reference.fact, among: known))
    }

    private static func widenedKey(_ reference: FieldReference, template: TemplateInfo) throws(InputError) -> [Value] {
        let fields = template.keyFields
        guard fields.count == reference.key.count else {
            let names = fields.map { "`\($0.name)`" }.joined(separator: ", ")
            let given = reference.key.count == 1 ? "1 value" : "\(reference.key.count) values"
            throw InputError("`\(template.name)` is keyed by \(names), but the reference gives \(given)")
        }
        var key: [Value] = []
        for (field, value) in zip(fields, reference.key) {
            guard field.type.canHold(value.type) else {
                throw InputError("key field `\(field.name)` of `\(template.name)` is a \(field.type), not \(value.type) `\(value)`")
            }
            key.append(value.coerced(to: field.type))
        }
        return key
    }

    private static func suggestion(for name: String, among candidates: [String]) -> [String] {
        NameSuggestion.best(for: name, among: candidates).map { ["did you mean `\($0)`?"] } ?? []
    }
}
