import AccordCheck
import AccordSyntax

/// Text the session keeps besides the loaded files: a typed definition, or a block of
/// changes (typed at once, or a scenario's changes applied in a branch).
struct TypedText: Sendable, Hashable {
    /// `<repl 3>`, the name diagnostics show for it.
    let name: String
    let text: String
}

/// The session as a value, so `:undo` can put an earlier one back: what was loaded,
/// what was typed, which change blocks are applied, and the open branch.
struct SessionState: Sendable {
    var paths: [String] = []
    var loadedUnits: [SourceUnit] = []
    var definitions: [TypedText] = []
    var definitionUnits: [[SourceUnit]] = []
    var changeBlocks: [TypedText] = []
    var branch: BranchState?

    struct BranchState: Sendable, Hashable {
        let name: String
        /// The number of change blocks when the branch was entered: the blocks after it are the branch's.
        let startBlocks: Int
    }

    var units: [SourceUnit] { loadedUnits + definitionUnits.flatMap { $0 } }

    /// Drops earlier typed templates, rules, scenarios and tests that `declarations`
    /// name again, and answers what was dropped.
    @discardableResult
    mutating func removeTypedDeclarations(named declarations: [Declaration]) -> [String] {
        let names = Set(declarations.compactMap(SessionState.identity))
        guard !names.isEmpty else { return [] }
        var removed: [String] = []
        for index in definitionUnits.indices {
            definitionUnits[index] = definitionUnits[index].map { unit in
                let kept = unit.declarations.filter { declaration in
                    guard let identity = SessionState.identity(declaration), names.contains(identity) else { return true }
                    removed.append(identity)
                    return false
                }
                return kept.count == unit.declarations.count ? unit
                    : SourceUnit(file: unit.file, declarations: kept, comments: unit.comments)
            }
        }
        return removed
    }

    /// `rule x`, `template T`: what a declaration defines, when it has a name.
    static func identity(_ declaration: Declaration) -> String? {
        switch declaration {
        case .template(let d): "template " + d.name.name
        case .rule(let d): "rule " + d.name.name
        case .scenario(let d): "scenario " + d.name.name
        case .test(let d): "test " + d.name.value
        case .import, .facts, .factsFrom: nil
        }
    }
}
