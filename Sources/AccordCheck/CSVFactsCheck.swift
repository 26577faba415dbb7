import AccordSyntax
import CSV
import Foundation

/// `facts T from "file.csv" [cite "..."]`: the header names fields, each row is a fact.
/// Values come from CSV.swift's reader; positions from `CSVLayout`, so that a problem
/// is reported at the CSV file's own line and column, with the CSV line shown. A file
/// with any error contributes no fact: half a table is worse than none.
enum CSVFactsCheck {
    static func load(_ source: FactsFromDeclaration, in context: inout CheckContext) {
        guard let template = context.symbols.lookupTemplate(source.template, into: &context.diagnostics),
              RecordShape.allowsChanges(to: template, at: source.template.span, action: "load", diagnostics: &context.diagnostics),
              var table = read(source, diagnostics: &context.diagnostics)
        else { return }
        let errorsBefore = context.diagnostics.count
        let columns = mapColumns(table, to: template, diagnostics: &context.diagnostics)
        var facts: [FactInstance] = []
        let limits = LoadLimits.current
        while let (row, record) = table.nextRow() {
            if row == [""] { continue }
            // --max-facts: stop at the first row past it, before reading the rest.
            if context.facts.instances.count + facts.count >= limits.maxFacts {
                context.diagnostics.append(.factLimit(limits.maxFacts, at: table.span(of: record)))
                return
            }
            if facts.count % 1024 == 1023, limits.isCancelled() {
                context.diagnostics.append(.interrupted(at: table.span(of: record)))
                return
            }
            guard row.count == table.header.count else {
                context.diagnostics.append(.raggedRow(cells: row.count, columns: table.header.count, at: table.span(of: record)))
                continue
            }
            var given: [String: Value] = [:]
            var cite = source.cite?.value
            for (column, cell) in zip(columns, row) {
                switch column.role {
                case .field(let field):
                    switch CSVCell.read(cell, as: field) {
                    case .value(let value): given[field.name] = value
                    case .invalid(let message):
                        context.diagnostics.append(.badCell(message, at: table.span(ofCell: column.index, in: record)))
                    }
                case .cite:
                    if !cell.trimmingBlanks.isEmpty { cite = cell }
                case .ignored:
                    continue
                }
            }
            guard let fact = RecordShape.fact(given, of: template, cite: cite, span: table.span(of: record)) else { continue }
            if let key = fact.key(in: template) {
                let keyColumn = columns.first { $0.fieldName == template.key.first }
                let span = keyColumn.map { table.span(ofCell: $0.index, in: record) } ?? table.span(of: record)
                context.facts.register(key, of: template, at: span, diagnostics: &context.diagnostics)
            }
            facts.append(fact)
        }
        if context.diagnostics.count == errorsBefore {
            facts.forEach { context.facts.append($0) }
        }
    }

    // MARK: Reading

    /// The file read both ways, a row at a time: values by CSV.swift, positions by
    /// `CSVLayout`, in step (both read a blank line as one record).
    struct Table {
        let file: SourceFile
        let header: [String]
        let headerRecord: CSVLayout.Record?
        let reader: CSVReader
        var records: CSVLayout.Iterator

        /// The next row's cells and where it lies.
        mutating func nextRow() -> (cells: [String], record: CSVLayout.Record?)? {
            guard let row = reader.next() else { return nil }
            return (row, records.next())
        }

        func span(of record: CSVLayout.Record?) -> SourceSpan {
            guard let record else { return SourceSpan(file: file, start: file.bytes.count, end: file.bytes.count) }
            return SourceSpan(file: file, start: record.start, end: record.end)
        }

        func span(ofCell index: Int, in record: CSVLayout.Record?) -> SourceSpan {
            guard let record, index < record.cells.count else { return span(of: record) }
            let cell = record.cells[index]
            return SourceSpan(file: file, start: cell.lowerBound, end: cell.upperBound)
        }
    }

    static func read(_ source: FactsFromDeclaration, diagnostics: inout [Diagnostic]) -> Table? {
        let folder = (source.span.file.path as NSString).deletingLastPathComponent
        let path = SourceLoader.resolve(source.path.value, relativeTo: folder)
        let bytes: [UInt8]
        switch SourceReader.read(path) {
        case .success(let read): bytes = read
        case .failure(.missing), .failure(.unreadable):
            diagnostics.append(.csvUnreadable("cannot read `\(source.path.value)`", source: source))
            return nil
        case .failure(let failure):
            diagnostics.append(.csvUnreadable(failure, path: source.path.value, source: source))
            return nil
        }
        let file = SourceFile(path: path, bytes: bytes)
        let layout = CSVLayout(bytes: file.bytes, start: file.contentStart)
        if let problem = CSVText.problem(in: file, layout: layout) {
            diagnostics.append(problem)
            return nil
        }
        // The reader keeps the decoded text (one copy of the file) and yields rows on demand.
        let text = String(decoding: file.bytes[file.contentStart...], as: UTF8.self)
        var records = layout.makeIterator()
        guard let reader = try? CSVReader(string: text, hasHeaderRow: true),
              let header = reader.headerRow, header != [""]
        else {
            diagnostics.append(.csvUnreadable("`\(source.path.value)` has no header row", source: source))
            return nil
        }
        return Table(file: file, header: header, headerRecord: records.next(), reader: reader, records: records)
    }

    // MARK: Columns

    struct Column {
        enum Role {
            case field(FieldInfo)
            /// The row's citation, unless the template has a field named `cite`.
            case cite
            case ignored
        }

        let index: Int
        let role: Role

        var fieldName: String? {
            if case .field(let field) = role { return field.name }
            return nil
        }
    }

    static func mapColumns(_ table: Table, to template: TemplateInfo, diagnostics: inout [Diagnostic]) -> [Column] {
        let headerRecord = table.headerRecord
        var columns: [Column] = []
        var seen: [String: SourceSpan] = [:]
        for (index, cell) in table.header.enumerated() {
            let name = cell.trimmingBlanks
            let span = table.span(ofCell: index, in: headerRecord)
            if let first = seen[name] {
                diagnostics.append(.duplicate("check.csv-duplicate-column", "duplicate column `\(name)`", at: span, first: first))
                columns.append(Column(index: index, role: .ignored))
                continue
            }
            seen[name] = span
            if let field = template.field(named: name) {
                columns.append(Column(index: index, role: .field(field)))
            } else if name == "cite" {
                columns.append(Column(index: index, role: .cite))
            } else {
                diagnostics.append(.unknownColumn(name, of: template, at: span))
                columns.append(Column(index: index, role: .ignored))
            }
        }
        let missing = template.fields.filter { $0.isRequired && seen[$0.name] == nil }
        if !missing.isEmpty {
            diagnostics.append(.missingColumns(missing, of: template, at: table.span(of: headerRecord)))
        }
        return columns
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func csvUnreadable(_ message: String, source: FactsFromDeclaration) -> Diagnostic {
        .error("check.csv-unreadable", message, at: source.path.span,
               notes: [.init("paths are relative to the folder of the file that names them")])
    }

    /// A folder, device or oversized file named as CSV: the code says which.
    fileprivate static func csvUnreadable(_ failure: SourceReader.Failure, path: String, source: FactsFromDeclaration) -> Diagnostic {
        .error("check.csv-" + failure.codeSuffix, failure.message(path: path), at: source.path.span)
    }

    fileprivate static func unknownColumn(_ name: String, of template: TemplateInfo, at span: SourceSpan) -> Diagnostic {
        .error("check.csv-unknown-column", "unknown column `\(name)`: template `\(template.name)` has no such field", at: span,
               notes: NameSuggestion.notes(for: name, among: template.fieldNames))
    }

    fileprivate static func missingColumns(_ missing: [FieldInfo], of template: TemplateInfo, at span: SourceSpan) -> Diagnostic {
        let names = missing.map { "`\($0.name)`" }.joined(separator: ", ")
        let message = missing.count == 1
            ? "missing column \(names) for a required field of `\(template.name)`"
            : "missing columns \(names) for required fields of `\(template.name)`"
        return .error("check.csv-missing-column", message, at: span)
    }

    fileprivate static func raggedRow(cells: Int, columns: Int, at span: SourceSpan) -> Diagnostic {
        .error("check.csv-ragged-row", "row has \(cells) \(cells == 1 ? "cell" : "cells"), but the header has \(columns) columns", at: span)
    }

    /// The message comes from `CSVCell`, which knows what it expected.
    fileprivate static func badCell(_ message: String, at span: SourceSpan) -> Diagnostic {
        .error("check.csv-bad-value", message, at: span)
    }
}
