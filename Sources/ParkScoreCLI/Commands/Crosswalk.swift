import ArgumentParser
import ParkScore
import ParkScoreIO

struct Crosswalk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One park against every built-in scorecard: eligible or not, total, grade, and the gaps that matter most.",
        discussion: """
        Examples:
          parkscore crosswalk Samples/nanshan-xingchao/self-report.yaml
          parkscore crosswalk park/self-report.yaml --lang en
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report: YAML, or a workbook (.xlsx) filled in from the template.", valueName: "self-report"))
    var report: String

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let library = try workspace.library()
        let pipeline = AssessmentPipeline(criteria: library)
        let input = try workspace.require(ApplicationInput.read(report: report))
        let assessment = try workspace.require(pipeline.assess(input, options: AssessmentOptions(scorecards: library.catalog.scorecardPaths())))
        let value = assessment.report
        let messages = workspace.messages
        let parkName = lang == .en ? (value.park.nameEn ?? value.park.name) : value.park.name
        var lines = [messages("crosswalk.heading", ["park": parkName]), ""]
        for item in assessment.results {
            let (scorecard, result) = (item.scorecard, item.result)
            let verdict = ResultText(messages: workspace.messages).verdict(result)
            let grade = result.grade.map { "\($0.id) \($0.title.text(lang))" } ?? messages("crosswalk.no_grade")
            lines.append("\(scorecard.id)  \(scorecard.title.text(lang))")
            lines.append("  \(verdict) · \(messages("crosswalk.total")) \(result.total.fixed(places: 2)) · \(grade)"
                         + (result.missingData.isEmpty ? "" : " · \(messages("crosswalk.missing_data")) \(result.missingData.count)"))
            let blocking = result.gates.filter { $0.status != .passed }.map(\.id)
            if !blocking.isEmpty { lines.append("  " + messages("crosswalk.gates_not_passed", ["gates": blocking.joined(separator: ", ")])) }
            // The largest gaps by points (the improvement list itself is ranked by effort first).
            let bySize = result.improvements.enumerated().sorted { a, b in
                a.element.gain != b.element.gain ? b.element.gain < a.element.gain : a.offset < b.offset
            }.map(\.element)
            let gaps = bySize.prefix(3).map { "\($0.criterionID) +\($0.gain.fixed(places: 2))" }
            if !gaps.isEmpty { lines.append("  " + messages("crosswalk.largest_gaps", ["gaps": gaps.joined(separator: ", ")])) }
            lines.append("")
        }
        Console.out(TerminalText.lines(lines))
    }
}
