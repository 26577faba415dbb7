/// The graph in Graphviz's DOT language: templates as ellipses (the built-in
/// `Recommendation` dashed), rules as boxes, categories as notes. Reads are plain
/// arrows, `not` dashed, `exists` and aggregates dotted; `derive` is a plain arrow from
/// the rule, `assert` bold, `modify` and `retract` labelled. Ids are quoted and prefixed
/// by kind (`"template:Region"`), labels escaped, nodes and edges sorted, so the same
/// program always gives the same text.
///
///     digraph accord {
///       "template:Region" [label="Region", shape=ellipse];
///       "rule:border_corridor" [label="border_corridor", shape=box];
///       "template:Region" -> "rule:border_corridor";
///     }
extension DependencyGraph {
    public func dot() -> String {
        var out = "digraph accord {\n"
        out += "  rankdir=LR;\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        var previousKind: NodeKind?
        for node in nodes {
            if node.kind != previousKind { out += "\n" }
            previousKind = node.kind
            out += "  \(Self.quoted(node.id)) [\(Self.attributes(of: node))];\n"
        }
        if !edges.isEmpty { out += "\n" }
        for edge in edges {
            let attributes = Self.attributes(of: edge.kind)
            out += "  \(Self.quoted(edge.from.id)) -> \(Self.quoted(edge.to.id))"
            out += attributes.isEmpty ? ";\n" : " [\(attributes)];\n"
        }
        return out + "}\n"
    }

    static func attributes(of node: Node) -> String {
        let label = "label=" + quoted(node.name)
        switch node.kind {
        case .template: return label + (node.isBuiltIn ? ", shape=ellipse, style=dashed" : ", shape=ellipse")
        case .rule: return label + ", shape=box"
        case .category: return label + ", shape=note"
        }
    }

    static func attributes(of kind: EdgeKind) -> String {
        switch kind {
        case .reads, .derives, .categorises: ""
        case .readsNegated: "style=dashed, label=\"not\""
        case .readsExists: "style=dotted, label=\"exists\""
        case .readsAggregated: "style=dotted, label=\"aggregate\""
        case .asserts: "style=bold"
        case .modifies: "label=\"modifies\""
        case .retracts: "label=\"retracts\""
        case .recommends: "label=\"recommends\""
        }
    }

    /// A DOT string: double quotes and backslashes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
