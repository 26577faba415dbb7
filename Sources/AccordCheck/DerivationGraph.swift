import AccordSyntax

/// Which logical results depend on which: a node is a template as one rule derives it
/// (`derive T`, or `Recommendation` for `recommend`), and an edge runs from a rule's
/// node to every node its patterns can read, marked positive, negated or aggregated.
/// Plain `assert`s are not logical results and make no nodes.
///
/// A pattern reads a node only when the node's facts can match it: a constant a rule
/// derives (`derive Hub { kind: "rail" }`, a recommendation's rule name and constant
/// `category`) is checked against the pattern's constant constraints, so that
/// `Recommendation(category == "agreements")` does not depend on advice of another
/// category. This is what makes advice built on other advice stratified.
struct DerivationGraph {
    struct Node: Hashable {
        let rule: Int
        let template: String
    }

    struct Edge {
        let from: Int
        let to: Int
        /// The rule doing the reading (the rule of `from`).
        let rule: Int
        let polarity: RuleFootprint.Polarity
        let span: SourceSpan
    }

    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []
    private(set) var outgoing: [[Int]] = []
    let footprints: [RuleFootprint]

    init(rules: [RuleDeclaration], symbols: SymbolTable) {
        footprints = rules.map(RuleFootprint.init)
        var produced: [Int: [[String: Value]]] = [:]
        for (index, footprint) in footprints.enumerated() {
            var byTemplate: [String: [[String: Value]]] = [:]
            for record in footprint.derived {
                guard let template = symbols.template(named: record.template.name) else { continue }
                byTemplate[template.name, default: []].append(DerivationGraph.constants(of: record, in: template))
            }
            for recommendation in footprint.recommendations {
                byTemplate["Recommendation", default: []].append(
                    DerivationGraph.constants(of: recommendation.fields, rule: footprint.rule.name.name))
            }
            for name in byTemplate.keys.sorted() {
                produced[nodes.count] = byTemplate[name]
                nodes.append(Node(rule: index, template: name))
            }
        }
        outgoing = Array(repeating: [], count: nodes.count)
        // Every read is compared with every node making its template: a chain of rules
        // deriving one template is quadratic in its length, so each side does its work
        // once (the nodes by template, each pattern's constraints as field domains).
        var nodesByTemplate: [String: [Int]] = [:]
        for (index, node) in nodes.enumerated() { nodesByTemplate[node.template, default: []].append(index) }
        for (from, node) in nodes.enumerated() {
            for read in footprints[node.rule].reads {
                guard let template = symbols.template(named: read.pattern.template.name) else { continue }
                let domains = DerivationGraph.domains(of: read.pattern, template)
                for to in nodesByTemplate[template.name] ?? [] {
                    let facts = produced[to] ?? []
                    guard facts.contains(where: { DerivationGraph.canMatch($0, domains) }) else { continue }
                    outgoing[from].append(edges.count)
                    edges.append(Edge(from: from, to: to, rule: node.rule, polarity: read.polarity, span: read.span))
                }
            }
        }
    }

    /// A shortest path of edges from `start` to `goal`, or nil when there is none.
    func path(from start: Int, to goal: Int) -> [Edge]? {
        if start == goal { return [] }
        var via: [Int: Edge] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for edgeIndex in outgoing[current] {
                let edge = edges[edgeIndex]
                guard edge.to != start, via[edge.to] == nil else { continue }
                via[edge.to] = edge
                if edge.to == goal {
                    var path: [Edge] = []
                    var node = goal
                    while let step = via[node] {
                        path.insert(step, at: 0)
                        node = step.from
                        if node == start { break }
                    }
                    return path
                }
                queue.append(edge.to)
            }
        }
        return nil
    }

    // MARK: Matching produced facts

    /// The fields a `derive` sets to constants, defaults included.
    private static func constants(of record: Record, in template: TemplateInfo) -> [String: Value] {
        var values: [String: Value] = [:]
        for field in template.fields {
            if let given = record.fields.first(where: { $0.name.name == field.name }) {
                values[field.name] = ConstantEvaluator.evaluate(given.value, as: field.type)
            } else {
                values[field.name] = field.defaultValue
            }
        }
        return values
    }

    /// The fields of a `Recommendation` a `recommend` fixes: its rule, and the subject
    /// and category when they are constants (both default to `""`).
    private static func constants(of fields: [FieldValue], rule: String) -> [String: Value] {
        var values: [String: Value] = ["rule": .string(rule)]
        for name in ["subject", "category"] {
            if let given = fields.first(where: { $0.name.name == name }) {
                values[name] = ConstantEvaluator.evaluate(given.value, as: .string)
            } else {
                values[name] = .string("")
            }
        }
        return values
    }

    /// What the pattern's constraints allow of each field they compare with a constant.
    private static func domains(of pattern: Pattern, _ template: TemplateInfo) -> [String: FieldDomain] {
        var domains: [String: FieldDomain] = [:]
        for constraint in pattern.constraints {
            for atom in ConstraintAtom.atoms(in: constraint) {
                guard case .field(let name) = atom.subject,
                      let type = template.field(named: name)?.type,
                      var domain = domains[name] ?? FieldDomain(type: type)
                else { continue }
                domain.add(atom.comparison, atom.value)
                domains[name] = domain
            }
        }
        return domains
    }

    /// False when a constant of the produced fact contradicts the pattern's constraints.
    private static func canMatch(_ produced: [String: Value], _ domains: [String: FieldDomain]) -> Bool {
        domains.allSatisfy { name, domain in
            guard let value = produced[name] else { return true }
            return domain.allows(.equal, value)
        }
    }
}
