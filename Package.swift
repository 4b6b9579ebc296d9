// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "parkscore",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parkscore", targets: ["ParkScoreCLI"]),
        .library(name: "ParkScore", targets: ["ParkScore"]),
        .library(name: "ParkScoreIO", targets: ["ParkScoreIO"]),
        .library(name: "ParkYAML", targets: ["ParkYAML"]),
        .library(name: "ParkScoreDossier", targets: ["ParkScoreDossier"]),
        .library(name: "ParkScoreBatch", targets: ["ParkScoreBatch"]),
        .library(name: "ParkOffice", targets: ["ParkOffice"]),
        .library(name: "ParkScoreWeb", targets: ["ParkScoreWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // Office files (.xlsx, .docx) are ZIP packages: ZIPFoundation reads and writes the containers.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web workbench (`parkscore serve`): the HTTP server, bcrypt and sessions, and its embedded SQLite store.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Evidence uploads arrive as multipart/form-data (a plain HTML form, no script).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        // Tests only: the reference the dossier's template engine is checked against, byte for byte.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        // Tests only: reads the ranking CSV back as a spreadsheet would.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // Tests only: property-based tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libyaml, found through pkg-config (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // YAML documents as node trees with 1-based line:column marks, over libyaml.
        .target(name: "ParkYAML", dependencies: ["CYAML"]),
        // Office Open XML: spreadsheets and documents, written and read with limits (no domain knowledge here).
        .target(name: "ParkOffice", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The domain and the scoring engine: pure value types, no I/O.
        .target(name: "ParkScore"),
        // Loading files into the domain (YAML decoding with locations), diagnostics rendering.
        .target(name: "ParkScoreIO", dependencies: ["ParkScore", "ParkYAML", "ParkOffice", .product(name: "Crypto", package: "swift-crypto")]),
        // Graded evaluation dossiers: a view model computed in Swift, laid out by Mustache templates (Templates/) that
        // its own template engine compiles and renders (Sources/ParkScoreDossier/Template/).
        .target(name: "ParkScoreDossier", dependencies: ["ParkScore", "ParkScoreIO", "ParkYAML", "ParkOffice"]),
        // A folder of applications in one pass: workers stream dossiers into a staging folder, rankings at the end.
        .target(name: "ParkScoreBatch", dependencies: ["ParkScore", "ParkScoreIO", "ParkScoreDossier"]),
        // The web workbench: parks fill in applications, evaluators review them, the bureau compares. Pages are the
        // dossier's Mustache engine over Templates/web/, the store is SQLite through GRDB, the server Hummingbird.
        .target(name: "ParkScoreWeb", dependencies: [
            "ParkScore", "ParkScoreIO", "ParkScoreDossier", "ParkOffice",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The `parkscore` command: thin ArgumentParser commands over the libraries.
        .executableTarget(
            name: "ParkScoreCLI",
            dependencies: [
                "ParkScore", "ParkScoreIO", "ParkScoreDossier", "ParkScoreBatch", "ParkScoreWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed: libyaml's own event loop against parse + validate + score on the same files.
        .executableTarget(name: "ParkScoreBenchmarks", dependencies: ["ParkScore", "ParkScoreIO", "ParkYAML", "CYAML"], path: "Benchmarks",
                          exclude: ["generate-applications.py", "batch-benchmark.sh", "python-baseline.py"]),
        .target(name: "ParkScoreTestSupport", dependencies: ["CYAML", "ParkScoreIO", "ParkOffice"], path: "Tests/Support"),
        .testTarget(name: "ParkOfficeTests", dependencies: ["ParkOffice", "ParkScoreTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ParkYAMLTests", dependencies: ["ParkYAML", "ParkScoreTestSupport"]),
        .testTarget(name: "ParkScoreTests", dependencies: ["ParkScore", "ParkScoreIO", "ParkScoreTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ParkScoreCLITests",
                    dependencies: ["ParkScoreCLI", "ParkScoreIO", "ParkOffice", "ParkScoreTestSupport", .product(name: "SwiftCSV", package: "SwiftCSV")],
                    exclude: ["Golden"]),
        .testTarget(name: "ParkScoreWebTests",
                    dependencies: ["ParkScoreWeb", "ParkScoreIO", "ParkScore", "ParkScoreTestSupport",
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ParkScoreBatchTests", dependencies: ["ParkScoreBatch", "ParkScoreIO", "ParkScore"]),
        .testTarget(name: "ParkScorePropertyTests",
                    dependencies: ["ParkScore", "ParkScoreIO", "ParkScoreTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ParkScoreDossierTests",
                    dependencies: ["ParkScoreDossier", "ParkScoreIO", "ParkScore", "ParkScoreTestSupport", "ParkOffice",
                                   .product(name: "Mustache", package: "swift-mustache")],
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer harness (scripts/fuzz/), only for scripts/fuzz.sh: it calls libFuzzer's driver, which only a build with
// -sanitize=fuzzer links, so an ordinary build leaves it out.
if ProcessInfo.processInfo.environment["PARKSCORE_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "ParkScoreFuzz", dependencies: ["ParkScore", "ParkScoreIO", "ParkYAML", "ParkScoreDossier"],
                                             path: "scripts/fuzz"))
}
