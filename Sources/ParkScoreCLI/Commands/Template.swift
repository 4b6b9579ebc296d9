import ArgumentParser
import Foundation
import ParkScore
import ParkScoreIO

enum TemplateFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, xlsx
}

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank self-report for a scorecard, commented in Chinese (or English with --lang en), for a park to fill in.",
        discussion: """
        Every fact the scorecard reads is listed with its meaning, type, unit, allowed values and the gates and \
        criteria that use it. Blank values count as missing data, never as zero.

        --format xlsx writes the same form as an Excel workbook (申报表): a cover, the facts with drop-down lists and \
        number and date formats, one sheet per table of records, the self-rating with each level's descriptor, the \
        N/A claims, the evidence list and the instructions. Only the pale yellow input cells can be edited. A file \
        named .xlsx gets this format without --format.

        Examples:
          parkscore template beijing-digital-advertising-park -o self-report.yaml
          parkscore template nanshan-livestreaming > 自评表.yaml
          parkscore template beijing-digital-advertising-park --format xlsx -o 申报表.xlsx
        """
    )

    @Argument(help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "scorecard"))
    var scorecard: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "yaml (the default) or xlsx (an Excel workbook).")
    var format: TemplateFormat?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var options: CriteriaOption

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    /// The format asked for, or the one the output file's name says.
    var resolvedFormat: TemplateFormat {
        if let format { return format }
        if let output, output.lowercased().hasSuffix(".xlsx") { return .xlsx }
        return .yaml
    }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let dictionary = try workspace.dictionary()
        let scorecard = try workspace.scorecard(self.scorecard, dictionary: dictionary)
        let bytes: [UInt8]
        switch resolvedFormat {
        case .yaml:
            bytes = Array(SelfReportTemplate(scorecard: scorecard, dictionary: dictionary, messages: workspace.messages).render().utf8)
        case .xlsx:
            if output == nil && isatty(1) == 1 {
                Console.error(workspace.messages("template.workbook.terminal") + "\n")
                throw ExitCode(64)
            }
            switch SelfReportWorkbook(scorecard: scorecard, dictionary: dictionary, messages: workspace.messages).write() {
            case .success(let written): bytes = written
            case .failure(let problem):
                workspace.report([problem])
                throw ExitCode(1)
            }
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        if let problem = AtomicFile.write(bytes, to: output, existing: force ? .replace : .keep) {
            workspace.report([problem])
            throw ExitCode(1)
        }
    }
}
