/// One parsed file: its declarations in source order and its comments (kept for the formatter).
public struct SourceUnit: Sendable, Hashable {
    public let file: SourceFile
    public let declarations: [Declaration]
    public let comments: [Comment]

    public init(file: SourceFile, declarations: [Declaration], comments: [Comment]) {
        self.file = file
        self.declarations = declarations
        self.comments = comments
    }
}

/// Every file of a load, in load order (sorted paths, imports after their importer, each once).
public struct Program: Sendable {
    public let units: [SourceUnit]

    public init(units: [SourceUnit]) {
        self.units = units
    }

    public var declarations: [Declaration] { units.flatMap(\.declarations) }
}
