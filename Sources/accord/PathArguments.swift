import ArgumentParser

/// The files and folders a command reads; `Rules/` when none are given.
struct PathArguments: ParsableArguments {
    @Argument(help: "Files or folders (every .accord file below a folder). Default: Rules/")
    var paths: [String] = []

    var resolved: [String] { paths.isEmpty ? ["Rules"] : paths }
}
