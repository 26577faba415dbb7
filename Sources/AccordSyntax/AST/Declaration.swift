/// A top-level declaration. Declarations may come in any order and across files.
public enum Declaration: Sendable, Hashable {
    case `import`(ImportDeclaration)
    case template(TemplateDeclaration)
    case facts(FactsDeclaration)
    case factsFrom(FactsFromDeclaration)
    case rule(RuleDeclaration)
    case scenario(ScenarioDeclaration)
    case test(TestDeclaration)

    public var span: SourceSpan {
        switch self {
        case .import(let declaration): declaration.span
        case .template(let declaration): declaration.span
        case .facts(let declaration): declaration.span
        case .factsFrom(let declaration): declaration.span
        case .rule(let declaration): declaration.span
        case .scenario(let declaration): declaration.span
        case .test(let declaration): declaration.span
        }
    }
}

/// `import "other.accord"`, relative to the importing file.
public struct ImportDeclaration: Sendable, Hashable {
    public let path: StringLiteral
    public let span: SourceSpan
}

/// `template Name { key a, b; field: type = default ... }`.
public struct TemplateDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let key: [Identifier]
    public let keySpan: SourceSpan?
    public let fields: [FieldDeclaration]
    public let span: SourceSpan
}

public struct FieldDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let type: TypeSyntax
    public let defaultValue: Expression?
    public let span: SourceSpan
}

/// A type as written: `string`, `int`, `float`, `bool`, `[T]`. Unknown names are the
/// checker's to report.
public struct TypeSyntax: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case named(String)
        case list(TypeSyntax)
    }

    public let kind: Kind
    public let span: SourceSpan
}

/// `facts { Record [cite "..."] ... }`.
public struct FactsDeclaration: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let record: Record
        public let cite: StringLiteral?
        public let span: SourceSpan
    }

    public let entries: [Entry]
    public let span: SourceSpan
}

/// `facts Template from "file.csv" [cite "..."]`: columns map to fields by name.
public struct FactsFromDeclaration: Sendable, Hashable {
    public let template: Identifier
    public let path: StringLiteral
    public let cite: StringLiteral?
    public let span: SourceSpan
}

public struct RuleDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let title: StringLiteral?
    public let salience: Expression?
    public let tags: [Identifier]
    public let cite: StringLiteral?
    public let conditions: [Condition]
    public let actions: [Action]
    public let span: SourceSpan
}

/// `scenario name { title "..."; extends parent; changes... }`.
public struct ScenarioDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let title: StringLiteral?
    public let parent: Identifier?
    public let changes: [Change]
    public let span: SourceSpan
}

public struct TestDeclaration: Sendable, Hashable {
    public enum Given: Sendable, Hashable {
        case scenario(Identifier)
        case inline([Change], span: SourceSpan)
    }

    public let name: StringLiteral
    public let givens: [Given]
    public let expectations: [Expectation]
    public let span: SourceSpan
}

/// `expect [no] recommend RULE [for SUBJECT] [with score OP N]` or `expect [no] fact Pattern`.
public struct Expectation: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case recommend(rule: Identifier, subject: Expression?, score: ScoreBound?)
        case fact(Pattern)
    }

    public struct ScoreBound: Sendable, Hashable {
        public let comparison: BinaryOperator
        public let value: Expression
        public let span: SourceSpan
    }

    public let negated: Bool
    public let kind: Kind
    public let span: SourceSpan
}
