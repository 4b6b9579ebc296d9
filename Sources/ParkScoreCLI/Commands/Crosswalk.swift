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

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
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
        let zh = lang == .zh
        var lines = [zh ? "\(value.park.name)：对照全部评分表" : "\(value.park.nameEn ?? value.park.name) against every scorecard", ""]
        for item in assessment.results {
            let (scorecard, result) = (item.scorecard, item.result)
            let verdict = ResultText(messages: workspace.messages).verdict(result)
            let grade = result.grade.map { "\($0.id) \($0.title.text(lang))" } ?? (zh ? "不评级" : "no grade")
            lines.append("\(scorecard.id)  \(scorecard.title.text(lang))")
            lines.append("  \(verdict) · \(zh ? "总分" : "total") \(result.total.fixed(places: 2)) · \(grade)"
                         + (result.missingData.isEmpty ? "" : " · \(zh ? "缺少数据" : "missing data") \(result.missingData.count)"))
            let blocking = result.gates.filter { $0.status != .passed }.map(\.id)
            if !blocking.isEmpty { lines.append("  \(zh ? "未通过或待定的门槛" : "gates not passed"): \(blocking.joined(separator: ", "))") }
            // The largest gaps by points (the improvement list itself is ranked by effort first).
            let bySize = result.improvements.enumerated().sorted { a, b in
                a.element.gain != b.element.gain ? b.element.gain < a.element.gain : a.offset < b.offset
            }.map(\.element)
            let gaps = bySize.prefix(3).map { "\($0.criterionID) +\($0.gain.fixed(places: 2))" }
            if !gaps.isEmpty { lines.append("  \(zh ? "最主要的差距" : "largest gaps"): \(gaps.joined(separator: ", "))") }
            lines.append("")
        }
        Console.out(TerminalText.lines(lines))
    }
}
