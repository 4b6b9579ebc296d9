import ParkScore
import ParkScoreIO

extension DossierRenderer {
    public func renderBytes(_ format: DossierFormat, _ assessment: ScorecardAssessment, language: LocalizedText.Language) -> [UInt8] {
        Array(render(format, assessment, language: language).utf8)
    }
}
