import Foundation
import GRDB
import ParkScore
import ParkScoreDossier

/// The application's history (who, when, what, old → new, why) as a table added to a finalised dossier's audit
/// appendix. The dossier itself is rendered by the library exactly as the CLI renders it; the table is placed at the
/// end of its last section (the audit appendix) by the workbench, so the CLI's dossiers are unchanged.
struct ReviewHistoryAppendix {
    let workbench: Workbench

    /// `html` with the history table at the end of its audit appendix (or at the end, when there is no such section).
    func adding(_ events: [AuditEvent], to html: String, language: LocalizedText.Language) throws -> String {
        guard let template = workbench.pages.templates["review-history"] else { return html }
        let names = try workbench.store.database.read { db -> [Int64: String] in
            var out: [Int64: String] = [:]
            for id in Set(events.compactMap(\.actorID)) { out[id] = try Account.fetchOne(db, key: id)?.displayName }
            return out
        }
        let messages = workbench.pages.messages(language)
        let formatter = HistoryWords.formatter()
        let rows: [TemplateValue] = events.map { event in
            let key = "web.audit.action." + event.action.replacingOccurrences(of: ".", with: "-")
            let change = event.oldValue.isEmpty && event.newValue.isEmpty ? ""
                : workbench.pages.word("review.history.old-new", language, ["old": event.oldValue.isEmpty ? "—" : event.oldValue,
                                                                            "new": event.newValue.isEmpty ? "—" : event.newValue])
            return .object(TemplateObject([
                "at": .string(formatter.string(from: event.at)),
                "who": .string(event.actorID.flatMap { names[$0] } ?? workbench.pages.word("review.history.system", language)),
                "what": .string(messages.has(key) ? messages(key) : event.action),
                "subject": .string(event.subject),
                "change": .string(change),
                "why": .string(event.reason),
            ]))
        }
        let table = template.render(.object(TemplateObject([
            "t": workbench.pages.words[language] ?? .null,
            "events": .list(rows),
        ])))
        guard let main = html.range(of: "</main>", options: .backwards),
              let section = html.range(of: "</section>", options: .backwards, range: html.startIndex..<main.lowerBound) else {
            return html + table
        }
        return html.replacingCharacters(in: section.lowerBound..<section.lowerBound, with: table)
    }
}
