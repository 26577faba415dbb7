// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Accord",
    products: [
        .executable(name: "accord", targets: ["accord"]),
        .library(name: "AccordSyntax", targets: ["AccordSyntax"]),
        .library(name: "AccordCheck", targets: ["AccordCheck"]),
        .library(name: "AccordFormat", targets: ["AccordFormat"]),
        .library(name: "AccordEngine", targets: ["AccordEngine"]),
        .library(name: "Accord", targets: ["Accord"]),
        .library(name: "AccordTooling", targets: ["AccordTooling"]),
        .library(name: "AccordRepl", targets: ["AccordRepl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(name: "AccordSyntax"),
        .target(name: "AccordCheck", dependencies: [
            "AccordSyntax",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "AccordFormat", dependencies: ["AccordSyntax"]),
        .target(name: "AccordEngine", dependencies: ["AccordSyntax", "AccordCheck", "AccordFormat"]),
        .target(name: "Accord", dependencies: ["AccordSyntax", "AccordCheck", "AccordEngine"]),
        .target(name: "AccordTooling", dependencies: ["AccordSyntax", "AccordCheck", "AccordEngine"]),
        .target(name: "AccordRepl", dependencies: ["AccordSyntax", "AccordCheck", "AccordFormat", "AccordEngine", "AccordTooling"]),
        .systemLibrary(name: "CLibedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "LineEditing", dependencies: ["CLibedit"]),
        .target(name: "CPTY"),
        .executableTarget(name: "accord", dependencies: [
            "AccordSyntax", "AccordCheck", "AccordFormat", "AccordEngine", "AccordTooling",
            "AccordRepl", "LineEditing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzzing (docs/fuzzing.md): the harness is a library so the regression tests run
        // fixtures through the same entry point; CLibFuzzer only declares libFuzzer's driver.
        .target(name: "AccordFuzzing", dependencies: ["AccordSyntax", "AccordCheck", "AccordFormat", "AccordEngine", "AccordTooling"]),
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "AccordFuzz", dependencies: ["AccordFuzzing", "CLibFuzzer"]),
        .executableTarget(name: "accord-bench", dependencies: ["AccordSyntax", "AccordCheck", "AccordEngine", "AccordRepl"], path: "Benchmarks/AccordBench"),
        .target(name: "AccordTestSupport", dependencies: ["AccordSyntax"], path: "Tests/AccordTestSupport"),
        .testTarget(name: "AccordSyntaxTests", dependencies: ["AccordSyntax", "AccordTestSupport"]),
        .testTarget(name: "AccordCheckTests", dependencies: ["AccordCheck", "AccordTestSupport"]),
        .testTarget(name: "AccordFormatTests", dependencies: ["AccordFormat", "AccordCheck", "AccordTestSupport"]),
        .testTarget(name: "AccordEngineTests", dependencies: ["AccordEngine", "AccordCheck", "Accord", "AccordTestSupport"]),
        .testTarget(name: "AccordToolingTests", dependencies: ["AccordTooling", "Accord", "AccordEngine", "AccordCheck", "AccordTestSupport", "AccordFuzzing"]),
        .testTarget(name: "AccordReplTests", dependencies: ["AccordRepl", "AccordEngine", "AccordCheck", "AccordTestSupport"]),
        .testTarget(name: "ReplTerminalTests", dependencies: ["CPTY", "LineEditing", "AccordTestSupport", "accord"]),
        .testTarget(name: "PipelineTests", dependencies: ["AccordCheck", "AccordFormat", "AccordTestSupport", "accord"]),
    ]
)
