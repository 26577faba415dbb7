import AccordEngine

/// `accord run --profile`'s tables, printed after the recommendations: the rules,
/// slowest first, then the join, `not`, `exists` and aggregate nodes, busiest first.
///
///     Profile
///
///     rule                    activations  firings  time ms  matching ms
///     border_corridor                   2        2    0.412        0.301
///     ...
///     matching outside rule actions (facts, scenario): 0.734 ms
///
///     node  where                  condition                     left  right  join tests  rules
///     join  rules/rules.accord:5:5  $ru: Region(country == "RU")     2      2           4  border_corridor
///
/// `time ms` is the time in the rule's actions, the matching their changes caused
/// included; `matching ms` is that part. Times are milliseconds to the microsecond.
public struct ProfileText: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ profile: RunProfile) -> String {
        let style = TerminalStyle(isEnabled: useColor)
        var out = style.bold("Profile") + "\n\n"
        let ruleRows = profile.rules.map { rule in
            [rule.name, String(rule.activations), String(rule.firings), Self.milliseconds(rule.time),
             Self.milliseconds(rule.matchingTime)]
        }
        out += Self.table(header: ["rule", "activations", "firings", "time ms", "matching ms"], rows: ruleRows,
                          rightAligned: [1, 2, 3, 4], style: style)
        out += "matching outside rule actions (facts, scenario): \(Self.milliseconds(profile.matchingOutsideRules)) ms\n"
        guard !profile.nodes.isEmpty else { return out }
        let nodeRows = profile.nodes.map { node in
            [node.kind.rawValue, "\(node.file):\(node.line):\(node.column)", Self.shortened(node.condition),
             String(node.leftTokens), String(node.rightFacts), String(node.joinTests), node.rules.joined(separator: ", ")]
        }
        out += "\n" + Self.table(header: ["node", "where", "condition", "left", "right", "join tests", "rules"],
                                 rows: nodeRows, rightAligned: [3, 4, 5], style: style)
        return out
    }

    /// Conditions longer than 50 characters end in an ellipsis; `where` finds the rest.
    static func shortened(_ condition: String) -> String {
        condition.count <= 50 ? condition : String(condition.prefix(49)) + "…"
    }

    /// Columns padded to their widest cell, two spaces apart; the last column is not
    /// padded, so no line ends in spaces.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>, style: TerminalStyle) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if rightAligned.contains(column) {
                    parts.append(padding + cell)
                } else {
                    parts.append(column == cells.count - 1 ? cell : cell + padding)
                }
            }
            return parts.joined(separator: "  ")
        }
        var out = style.bold(line(header)) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// Milliseconds with three decimals (`12.345`), rounded by hand so no locale can
    /// change the point.
    public static func milliseconds(_ duration: Duration) -> String {
        let microseconds = microseconds(duration)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(0, seconds * 1_000_000 + Int64((Double(attoseconds) / 1e12).rounded()))
    }
}
