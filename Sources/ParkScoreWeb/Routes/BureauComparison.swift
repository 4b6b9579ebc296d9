import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// Every submitted or finalised application of one scorecard, scored as the bureau sees it (`BureauAssessment`) and
/// ranked by the library's `Ranking`, as `parkscore compare` ranks folders: a finalised application by its panel's
/// result, any other by its current stage (said beside it). Applications that cannot be scored are listed apart.
struct BureauComparison {
    struct Entry {
        let application: ApplicationRecord
        let assessment: BureauAssessment
        /// The id the ranking knows it by: the report's park id, made unique with the application id when two share it.
        let key: String
    }

    let scorecard: Scorecard
    let ranking: Ranking
    /// By ranking key.
    let entries: [String: Entry]
    let unscored: [BureauAssessment]

    init(scorecard: Scorecard, workbench: Workbench, language: LocalizedText.Language) throws {
        self.scorecard = scorecard
        let applications = try workbench.store.database.read { db in
            try ApplicationRecord.filter(Column("scorecardID") == scorecard.id && Column("status") != ApplicationRecord.Status.draft.rawValue)
                .order(Column("id")).fetchAll(db)
        }
        var parks: [(id: String, name: String, result: ScoreResult)] = []
        var entries: [String: Entry] = [:]
        var unscored: [BureauAssessment] = []
        for application in applications {
            let assessment = try BureauAssessment(application, workbench: workbench)
            guard let scored = assessment.scored else {
                unscored.append(assessment)
                continue
            }
            let report = scored.report
            var key = report.park.id ?? "application-\(application.id ?? 0)"
            if entries[key] != nil { key += "#\(application.id ?? 0)" }
            entries[key] = Entry(application: application, assessment: assessment, key: key)
            let name = language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
            parks.append((key, name, scored.result))
        }
        ranking = Ranking(scorecard: scorecard, parks: parks)
        self.entries = entries
        self.unscored = unscored
    }
}

/// The comparison pages and the ranking CSV.
extension AdminRoutes {
    func registerComparison(on router: Router<WorkbenchContext>) {
        router.get("/admin/compare") { _, context -> Response in
            _ = try context.require(.admin)
            let language = context.language
            let counts = try workbench.store.database.read { db -> [String: Int] in
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT scorecardID, COUNT(*) AS n FROM application WHERE status != 'draft' GROUP BY scorecardID") {
                    counts[row["scorecardID"]] = row["n"]
                }
                return counts
            }
            let rows: [TemplateValue] = workbench.scorecards.map { loaded in
                let id = loaded.scorecard.id
                return .object(TemplateObject(["id": .string(id), "title": .string(loaded.scorecard.title.text(language)),
                                               "count": .string(String(counts[id] ?? 0)), "any": .bool((counts[id] ?? 0) > 0)]))
            }
            return workbench.pages.page("admin-compare-index", title: workbench.pages.word("admin.compare.title", language),
                                        values: ["scorecards": .list(rows)], context: context)
        }
        router.get("/admin/compare/:scorecard") { _, context -> Response in
            _ = try context.require(.admin)
            let name = context.parameters.get("scorecard") ?? ""
            if name.hasSuffix(".csv") { return try rankingCSV(String(name.dropLast(4)), context) }
            return try comparisonPage(name, context)
        }
        router.get("/admin/compare/:scorecard/csv") { _, context -> Response in
            _ = try context.require(.admin)
            return try rankingCSV(context.parameters.get("scorecard") ?? "", context)
        }
        // The library's comparison page (as batch writes ranking.html): one file to keep or print, styles inline.
        router.get("/admin/compare/:scorecard/html") { _, context -> Response in
            _ = try context.require(.admin)
            let scorecard = try comparedScorecard(context.parameters.get("scorecard") ?? "")
            let comparison = try BureauComparison(scorecard: scorecard, workbench: workbench, language: context.language)
            var response = PageRenderer.html(workbench.dossiers.comparisonHTML(comparison.ranking, language: context.language))
            response.headers[.contentSecurityPolicy] = SecurityHeaders<WorkbenchContext>.documentPolicy
            return response
        }
    }

    /// A built-in scorecard by id, else 404.
    func comparedScorecard(_ id: String) throws -> Scorecard {
        guard let loaded = workbench.scorecard(id) else { throw HTTPError(.notFound) }
        return loaded.scorecard
    }

    func rankingCSV(_ id: String, _ context: WorkbenchContext) throws -> Response {
        let scorecard = try comparedScorecard(id)
        let comparison = try BureauComparison(scorecard: scorecard, workbench: workbench, language: context.language)
        // The library's CSV: a cell that would start a formula (`=`, `+`, `-`, `@`) is written as text.
        let csv = RankingTable(ranking: comparison.ranking, messages: workbench.pages.messages(context.language)).csv
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"ranking-\(scorecard.id).csv\""],
                        body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    func comparisonPage(_ id: String, _ context: WorkbenchContext) throws -> Response {
        let language = context.language
        let pages = workbench.pages
        let scorecard = try comparedScorecard(id)
        let comparison = try BureauComparison(scorecard: scorecard, workbench: workbench, language: language)
        let table = RankingTable(ranking: comparison.ranking, messages: pages.messages(language))
        var names: [String: String] = [:]
        for entry in comparison.ranking.entries { names[entry.parkID] = entry.parkName }
        let rows: [TemplateValue] = comparison.ranking.entries.compactMap { entry in
            guard let stored = comparison.entries[entry.parkID] else { return nil }
            let cells = table.row(entry)
            let applicationID = stored.application.id ?? 0
            let dimensions: [TemplateValue] = entry.standing.dimensions.enumerated().map { i, dimension in
                let text = 7 + i < cells.count ? cells[7 + i] : ""
                let shade = dimension.shade.map { "heat-\($0)" } ?? "heat-none"
                return .object(TemplateObject(["text": .string(text), "class": .string(shade)]))
            }
            return .object(TemplateObject([
                "rank": .string(String(entry.rank)),
                "parkName": .string(entry.parkName),
                "parkID": .string(entry.parkID),
                "verdict": .string(cells.count > 3 ? cells[3] : ""),
                "total": .string(entry.standing.total.fixed(places: 2)),
                "grade": .string(gradeTitle(entry.standing.grade, scorecard, language)),
                "provisional": .bool(entry.standing.isProvisional),
                "stage": .string(stageWord(stored.assessment.stage, language)),
                "final": .bool(stored.assessment.stage == .finalised),
                "dimensions": .list(dimensions),
                "application": .string(String(applicationID)),
            ]))
        }
        let best: [TemplateValue] = comparison.ranking.best.map { b in
            let leaders = b.parks.map { names[$0] ?? $0 }.joined(separator: pages.word("admin.compare.separator", language))
            let more = b.tied > b.parks.count ? pages.word("admin.compare.tied", language, ["count": String(b.tied)]) : ""
            return .object(TemplateObject([
                "id": .string(b.criterionID), "title": .string(b.title.text(language)),
                "parks": .string(b.parks.isEmpty ? "—" : leaders + more), "points": .string(b.points.formatted(places: 2)),
            ]))
        }
        let unscored: [TemplateValue] = comparison.unscored.map { item in
            .object(TemplateObject(["application": .string(String(item.application.id ?? 0)), "parkName": .string(item.application.parkName),
                                    "problems": .string(String(item.loaded.diagnostics.filter { $0.severity == .error }.count))]))
        }
        let values: [String: TemplateValue] = [
            "scorecardID": .string(scorecard.id),
            "scorecard": .string(scorecard.title.text(language)),
            "version": .string(scorecard.version),
            "dimensionTitles": .texts(scorecard.dimensions.map { $0.title.text(language) }),
            "rows": .list(rows), "hasRows": .bool(!rows.isEmpty),
            "best": .list(best),
            "unscored": .list(unscored), "hasUnscored": .bool(!unscored.isEmpty),
        ]
        return pages.page("admin-compare", title: pages.word("admin.compare.page-title", language, ["scorecard": scorecard.title.text(language)]),
                          values: values, context: context)
    }

    func gradeTitle(_ id: String?, _ scorecard: Scorecard, _ language: LocalizedText.Language) -> String {
        guard let id else { return "—" }
        guard let band = scorecard.grades.first(where: { $0.id == id }) else { return id }
        let title = band.title.text(language)
        return title.isEmpty || title == id ? id : "\(id) · \(title)"
    }

    func stageWord(_ stage: BureauAssessment.Stage, _ language: LocalizedText.Language) -> String {
        switch stage {
        case .selfAssessment: return workbench.pages.word("admin.stage.self", language)
        case .preliminary: return workbench.pages.word("admin.stage.preliminary", language)
        case .panel: return workbench.pages.word("admin.stage.panel", language)
        case .finalised: return workbench.pages.word("admin.stage.finalised", language)
        }
    }
}
