import ArgumentParser
import Foundation
import ParkScore
import ParkScoreIO

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scorecards and the fact dictionary.",
        discussion: "With no paths, checks Criteria/facts.yaml and every scorecard in Criteria/. A folder stands for the scorecards in it. "
            + "Lists each valid scorecard's gates by basis: those whose condition the text states, and the scorecard's own proposals.\n\n"
            + "Examples:\n"
            + "  parkscore lint\n"
            + "  parkscore lint Criteria/beijing-digital-advertising-park.yaml\n"
            + "  parkscore lint my-scorecards/ --lang en"
    )

    @Argument(help: ArgumentHelp("Scorecard files or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let dictionaryLoad = workspace.catalog.loadDictionary()
        workspace.report(dictionaryLoad.diagnostics, sources: dictionaryLoad.sources)
        guard let dictionary = dictionaryLoad.validValue else { throw ExitCode(1) }

        var files: [String] = []
        if paths.isEmpty {
            files = workspace.catalog.scorecardPaths()
        } else {
            for path in paths {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    files += CriteriaCatalog(directory: path).scorecardPaths()
                } else {
                    files.append(path)
                }
            }
        }
        var errors = 0, warnings = 0
        var ids: [String: String] = [:]
        var listing = ""
        for file in files {
            var loaded = ScorecardLoader.load(file, dictionary: dictionary)
            if let scorecard = loaded.value {
                let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                if stem != scorecard.id {
                    loaded.diagnostics.append(.warning(Message("cli.lint.id-not-file-name", scorecard.id, stem),
                                                       at: scorecard.location))
                }
                if let other = ids[scorecard.id] {
                    loaded.diagnostics.append(.error(Message("cli.lint.id-twice", scorecard.id, other), at: scorecard.location))
                }
                ids[scorecard.id] = file
                if loaded.validValue != nil { listing += ScorecardText(messages: workspace.messages).gatesByBasis(scorecard) }
            }
            workspace.report(loaded.diagnostics, sources: loaded.sources)
            errors += loaded.diagnostics.filter { $0.severity == .error }.count
            warnings += loaded.diagnostics.filter { $0.severity == .warning }.count
        }
        let summary = workspace.messages("cli.lint.summary", ["files": String(files.count), "errors": String(errors), "warnings": String(warnings)]) + "\n"
        if errors > 0 {
            Console.error(summary)
            throw ExitCode(1)
        }
        Console.out(listing + summary)
    }
}
