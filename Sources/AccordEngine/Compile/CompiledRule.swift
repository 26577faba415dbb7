import AccordSyntax

/// A rule ready to fire: its header and its actions compiled against the levels of
/// its network chain.
struct CompiledRule {
    let index: Int
    let name: String
    let title: String?
    let salience: Int
    let tags: [String]
    let cite: String?
    let declaration: RuleDeclaration
    let actions: [CompiledAction]
    /// The level of each condition, in source order.
    let conditionLevels: [Int]
    let levelCount: Int
    let production: ProductionNode
    /// What each level holds and each condition's scope, for explanations and why-not.
    let layout: RuleLayout

    /// Whether an action changes a matched fact in place, so that later actions of the
    /// same firing must read the values it matched with (`FiringSnapshot`).
    var modifiesMatchedFacts: Bool {
        actions.contains { action in
            if case .modify = action { return true }
            return false
        }
    }
}

enum CompiledAction {
    struct Field {
        let index: Int
        let value: CompiledExpression
    }

    struct Recommend {
        let text: CompiledExpression
        let subject: CompiledExpression?
        let score: CompiledExpression?
        let category: CompiledExpression?
        let tags: CompiledExpression?
        let details: [(name: String, value: CompiledExpression)]
        let span: SourceSpan
    }

    case recommend(Recommend)
    case derive(template: Int, fields: [Field], span: SourceSpan)
    case assert(template: Int, fields: [Field], span: SourceSpan)
    case retract(level: Int, span: SourceSpan)
    case modify(level: Int, fields: [Field], span: SourceSpan)
    case print(CompiledExpression)
    case halt
}
