import AccordSyntax

/// Constraints on one field that no value satisfies: `trade > 10, trade < 5`,
/// `n == 3, n != 3`, `x == "a", x == "b"`. A pattern's constraints are one group per
/// field; `$v.field` compared in a `test` (or in a later pattern) joins the group of
/// the pattern that bound `$v`. Reported at the constraint that closes the
/// contradiction, with a note at the earlier ones it contradicts.
enum ContradictoryConstraintsCheck {
    static func run(_ context: inout CheckContext) {
        for case .rule(let rule) in context.program.declarations {
            for group in groups(of: rule, symbols: context.symbols) {
                if let diagnostic = contradiction(in: group) { context.diagnostics.append(diagnostic) }
            }
        }
    }

    /// The atoms that constrain one field of one pattern, in source order.
    struct Group {
        enum Role {
            case match, negation, aggregate
        }

        let template: TemplateInfo
        let role: Role
        var atoms: [ConstraintAtom] = []
    }

    static func groups(of rule: RuleDeclaration, symbols: SymbolTable) -> [Group] {
        var patterns: [Group] = []
        var bound: [String: Int] = [:]
        var members: [(pattern: Int, atom: ConstraintAtom)] = []

        func add(_ pattern: Pattern, role: Group.Role, bareOnly: Bool) -> Int? {
            guard let template = symbols.template(named: pattern.template.name) else { return nil }
            patterns.append(Group(template: template, role: role))
            let index = patterns.count - 1
            for constraint in pattern.constraints {
                addAggregates(in: constraint)
                for atom in ConstraintAtom.atoms(in: constraint) {
                    switch atom.subject {
                    case .field: patterns[index].atoms.append(atom)
                    case .member(let binding, _):
                        if !bareOnly, let owner = bound[binding] { members.append((owner, atom)) }
                    }
                }
            }
            return index
        }
        func addAggregates(in expression: Expression) {
            for aggregate in ExpressionWalk.aggregates(in: expression) {
                guard let template = symbols.template(named: aggregate.pattern.template.name) else { continue }
                var group = Group(template: template, role: .aggregate)
                for constraint in aggregate.pattern.constraints {
                    group.atoms += ConstraintAtom.atoms(in: constraint).filter { if case .field = $0.subject { true } else { false } }
                }
                patterns.append(group)
            }
        }

        for condition in rule.conditions {
            switch condition {
            case .match(let binding, let pattern, _):
                let index = add(pattern, role: .match, bareOnly: false)
                if let binding, let index { bound[binding.name] = index }
            case .exists(let pattern, _):
                _ = add(pattern, role: .match, bareOnly: true)
            case .not(let pattern, _):
                _ = add(pattern, role: .negation, bareOnly: true)
            case .test(let expression, _):
                addAggregates(in: expression)
                for atom in ConstraintAtom.atoms(in: expression) {
                    if case .member(let binding, _) = atom.subject, let owner = bound[binding] { members.append((owner, atom)) }
                }
            }
        }
        for (owner, atom) in members {
            patterns[owner].atoms.append(atom)
        }
        // Split each pattern's atoms by field.
        var groups: [Group] = []
        for pattern in patterns {
            var fields: [String] = []
            for atom in pattern.atoms where !fields.contains(atom.subject.field) { fields.append(atom.subject.field) }
            for field in fields {
                var group = Group(template: pattern.template, role: pattern.role)
                group.atoms = pattern.atoms.filter { $0.subject.field == field }.sorted { $0.span < $1.span }
                groups.append(group)
            }
        }
        return groups
    }

    /// The first atom that leaves the field no value, with the earlier atoms it
    /// contradicts (those it contradicts alone, or all of them when none does).
    static func contradiction(in group: Group) -> Diagnostic? {
        guard let field = group.atoms.first?.subject.field, let type = group.template.field(named: field)?.type,
              var domain = FieldDomain(type: type)
        else { return nil }
        for (index, atom) in group.atoms.enumerated() {
            domain.add(atom.comparison, atom.value)
            guard domain.isEmpty else { continue }
            let earlier = Array(group.atoms[..<index])
            let pairwise = earlier.filter { other in
                guard var pair = FieldDomain(type: type) else { return false }
                pair.add(other.comparison, other.value)
                pair.add(atom.comparison, atom.value)
                return pair.isEmpty
            }
            return .contradictoryConstraints(atom, with: pairwise.isEmpty ? earlier : pairwise, type: type, role: group.role)
        }
        return nil
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func contradictoryConstraints(_ atom: ConstraintAtom, with others: [ConstraintAtom], type: ValueType,
                                                     role: ContradictoryConstraintsCheck.Group.Role) -> Diagnostic {
        let name = switch atom.subject {
        case .field(let field): "`\(field)`"
        case .member(let binding, let field): "`$\(binding).\(field)`"
        }
        let message = switch others.count {
        case 0: "no `\(type)` value of \(name) satisfies `\(atom.span.text)`"
        case 1: "no value of \(name) satisfies both `\(others[0].span.text)` and `\(atom.span.text)`"
        default: "no value of \(name) satisfies `\(atom.span.text)` together with the constraints before it"
        }
        var notes = others.map { Note("`\($0.span.text)` is here", span: $0.span) }
        let consequence = switch role {
        case .match: "so the rule can never fire"
        case .negation: "so no fact matches this `not`, and it always holds"
        case .aggregate: "so the aggregate never sees a fact"
        }
        notes.append(Note(consequence))
        return .warning("check.contradictory-constraints", message, at: atom.span, notes: notes)
    }
}
