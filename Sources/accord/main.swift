import AccordSyntax
let output = SourceLoader().load(paths: Array(CommandLine.arguments.dropFirst()))
print(DiagnosticRenderer().render(output.diagnostics.sortedByLocation()), terminator: "")
print(output.program.units.map { "\($0.file.path): \($0.declarations.count) declarations" }.joined(separator: "\n"))
