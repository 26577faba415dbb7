import AccordCheck
import AccordSyntax

/// What reads and writes what in a checked program: templates, rules and
/// recommendation categories as nodes; an edge from a template to each rule that reads
/// it, from a rule to each template it writes, and from a rule to the categories of
/// its recommendations. A pure value built from the declarations alone (nothing runs),
/// with its nodes and edges sorted, so every renderer is deterministic.
///
/// `accord graph` renders it as Graphviz DOT (`DependencyGraph+DOT.swift`).
public struct DependencyGraph: Sendable, Hashable {
    public enum NodeKind: Int, Sendable, Hashable, Comparable {
        case template, rule, category

        public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rawValue < rhs.rawValue }

        var prefix: String {
            switch self {
            case .template: "template"
            case .rule: "rule"
            case .category: "category"
            }
        }
    }

    public struct Node: Sendable, Hashable, Comparable {
        public let kind: NodeKind
        public let name: String
        /// `Recommendation`, shown only when a rule reads it.
        public let isBuiltIn: Bool

        public init(kind: NodeKind, name: String, isBuiltIn: Bool = false) {
            self.kind = kind
            self.name = name
            self.isBuiltIn = isBuiltIn
        }

        /// Unique across kinds: a template and a category may share a name.
        public var id: String { kind.prefix + ":" + name }

        public static func < (lhs: Node, rhs: Node) -> Bool {
            (lhs.kind, lhs.name) < (rhs.kind, rhs.name)
        }
    }

    /// How a rule depends on a template, or what it does to one.
    public enum EdgeKind: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Template → rule: a positive pattern.
        case reads
        /// Template → rule: a `not` pattern.
        case readsNegated
        /// Template → rule: an `exists` pattern.
        case readsExists
        /// Template → rule: a pattern inside `count`/`sum`/`min`/`max`/`avg`.
        case readsAggregated
        /// Rule → template: `derive` (logical, truth-maintained).
        case derives
        /// Rule → template: `assert` (outlives the match).
        case asserts
        /// Rule → template: `modify` of a matched fact.
        case modifies
        /// Rule → template: `retract` of a matched fact.
        case retracts
        /// Rule → `Recommendation`, when rules read recommendations.
        case recommends
        /// Rule → category: the category of a `recommend`.
        case categorises

        public static func < (lhs: EdgeKind, rhs: EdgeKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Edge: Sendable, Hashable, Comparable {
        public let from: Node
        public let to: Node
        public let kind: EdgeKind

        public init(from: Node, to: Node, kind: EdgeKind) {
            self.from = from
            self.to = to
            self.kind = kind
        }

        public static func < (lhs: Edge, rhs: Edge) -> Bool {
            if lhs.from != rhs.from { return lhs.from < rhs.from }
            if lhs.to != rhs.to { return lhs.to < rhs.to }
            return lhs.kind < rhs.kind
        }
    }

    /// The category node of a `recommend` whose category is not a constant string.
    public static let computedCategory = "(computed)"
    /// The category node of a `recommend` that gives no category.
    public static let noCategory = "(no category)"

    /// Sorted: templates, then rules, then categories, each by name.
    public let nodes: [Node]
    /// Sorted by source, target and kind; no duplicates.
    public let edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = Array(Set(nodes)).sorted()
        self.edges = Array(Set(edges)).sorted()
    }

    /// Every template the program declares (the built-in `Recommendation` only when a
    /// rule reads it), every rule, and the categories the rules recommend under.
    public init(program: CheckedProgram) {
        var nodes: [Node] = []
        var edges: [Edge] = []
        var readsRecommendations = false
        let builtIns = Set(program.templates.filter(\.isBuiltIn).map(\.name))
        func template(_ name: String) -> Node { Node(kind: .template, name: name, isBuiltIn: builtIns.contains(name)) }

        for rule in program.rules {
            let ruleNode = Node(kind: .rule, name: rule.name.name)
            nodes.append(ruleNode)
            for read in DependencyGraph.reads(of: rule) {
                edges.append(Edge(from: template(read.template), to: ruleNode, kind: read.kind))
                if builtIns.contains(read.template) { readsRecommendations = true }
            }
            for write in DependencyGraph.writes(of: rule) {
                switch write {
                case .template(let name, let kind):
                    edges.append(Edge(from: ruleNode, to: template(name), kind: kind))
                case .category(let name):
                    let category = Node(kind: .category, name: name)
                    nodes.append(category)
                    edges.append(Edge(from: ruleNode, to: category, kind: .categorises))
                }
            }
        }
        for info in program.templates where !info.isBuiltIn || readsRecommendations {
            nodes.append(template(info.name))
        }
        if !readsRecommendations {
            edges.removeAll { $0.from.isBuiltIn || $0.to.isBuiltIn }
        } else {
            let recommendation = program.templates.first(where: \.isBuiltIn).map { template($0.name) }
            if let recommendation {
                let recommending = edges.filter { $0.kind == .categorises }.map(\.from)
                edges += recommending.map { Edge(from: $0, to: recommendation, kind: .recommends) }
            }
        }
        self.init(nodes: nodes, edges: edges)
    }

    /// The templates a rule reads, with how: from its conditions (and the aggregates
    /// inside them) and from the aggregates its actions compute.
    static func reads(of rule: RuleDeclaration) -> [(template: String, kind: EdgeKind)] {
        var reads: [(template: String, kind: EdgeKind)] = []
        func aggregated(in expressions: [Expression]) {
            for expression in expressions {
                for pattern in aggregatePatterns(in: expression) { reads.append((pattern.template.name, .readsAggregated)) }
            }
        }
        for condition in rule.conditions {
            switch condition {
            case .match(_, let pattern, _):
                reads.append((pattern.template.name, .reads))
                aggregated(in: pattern.constraints)
            case .not(let pattern, _):
                reads.append((pattern.template.name, .readsNegated))
                aggregated(in: pattern.constraints)
            case .exists(let pattern, _):
                reads.append((pattern.template.name, .readsExists))
                aggregated(in: pattern.constraints)
            case .test(let expression, _):
                aggregated(in: [expression])
            }
        }
        aggregated(in: rule.actions.flatMap(expressions(of:)))
        return reads
    }

    enum Write {
        case template(String, EdgeKind)
        case category(String)
    }

    /// What a rule's actions produce or change.
    static func writes(of rule: RuleDeclaration) -> [Write] {
        var bound: [String: String] = [:]
        for case .match(let binding?, let pattern, _) in rule.conditions {
            bound[binding.name] = pattern.template.name
        }
        var writes: [Write] = []
        for action in rule.actions {
            switch action {
            case .recommend(_, let fields, _):
                writes.append(.category(category(of: fields)))
            case .derive(let record, _):
                writes.append(.template(record.template.name, .derives))
            case .assert(let record, _):
                writes.append(.template(record.template.name, .asserts))
            case .modify(let variable, _, _):
                if let name = bound[variable.name] { writes.append(.template(name, .modifies)) }
            case .retract(let variable, _):
                if let name = bound[variable.name] { writes.append(.template(name, .retracts)) }
            case .print, .halt:
                break
            }
        }
        return writes
    }

    /// The `category` of a `recommend`: the text when it is a constant string.
    static func category(of fields: [FieldValue]) -> String {
        guard let field = fields.first(where: { $0.name.name == "category" }) else { return noCategory }
        guard case .string(let text)? = ConstantEvaluator.evaluate(field.value, as: .string) else { return computedCategory }
        return text
    }

    static func expressions(of action: Action) -> [Expression] {
        switch action {
        case .recommend(let text, let fields, _): [text] + fields.map(\.value)
        case .derive(let record, _), .assert(let record, _): record.fields.map(\.value)
        case .modify(_, let fields, _): fields.map(\.value)
        case .print(let expression, _): [expression]
        case .retract, .halt: []
        }
    }

    /// The patterns of every aggregate in an expression, nested ones included.
    static func aggregatePatterns(in root: Expression) -> [Pattern] {
        var patterns: [Pattern] = []
        var stack = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .integer, .float, .boolean, .variable, .field:
                break
            case .aggregate(_, let pattern, let value):
                patterns.append(pattern)
                stack.append(contentsOf: pattern.constraints)
                if let value { stack.append(value) }
            case .string(let segments):
                for case .interpolation(let inner) in segments { stack.append(inner) }
            case .list(let elements):
                stack.append(contentsOf: elements)
            case .member(let base, _):
                stack.append(base)
            case .unary(_, let operand):
                stack.append(operand)
            case .binary(_, let lhs, let rhs):
                stack.append(contentsOf: [lhs, rhs])
            case .call(_, let arguments):
                stack.append(contentsOf: arguments)
            case .group(let inner):
                stack.append(inner)
            }
        }
        return patterns
    }
}
