import ParkScore

/// The built-in scorecards listed for a user choosing one (`parkscore scorecards`): id and version, title, the policy
/// text each is written from, and who issued it. As text in one language, or as JSON with both.
public struct ScorecardList {
    public let scorecards: [LoadedScorecard]

    public init(_ scorecards: [LoadedScorecard]) {
        self.scorecards = scorecards.sorted { $0.scorecard.id < $1.scorecard.id }
    }

    /// A block per scorecard, then how to see one in full.
    public func text(_ messages: Messages) -> String {
        let language = messages.language
        var lines = [messages("scorecards.heading", ["count": String(scorecards.count)]), ""]
        for loaded in scorecards {
            let s = loaded.scorecard
            let source = s.source
            let title = source.title.hasPrefix("《") ? source.title : messages("scorecards.source_title", ["title": source.title])
            lines.append(messages("scorecards.id_version", ["id": s.id, "version": s.version]))
            lines.append("  " + messages("scorecards.title", ["title": s.title.text(language)]))
            lines.append("  " + messages("scorecards.source", ["title": title, "file": source.file]))
            if let issuer = source.issuer {
                lines.append("  " + messages("scorecards.issuer", ["issuer": issuer.text(language)]))
            } else {
                lines.append("  " + messages("scorecards.jurisdiction", ["jurisdiction": source.jurisdiction.text(language)]))
            }
            lines.append("")
        }
        lines.append(messages("scorecards.footer", ["explain": "parkscore explain", "template": "parkscore template"]))
        return TerminalText.lines(lines) + "\n"
    }

    /// `{"schema": "parkscore-scorecards", "schemaVersion": 1, "scorecards": [...]}`, titles in both languages.
    public func json() -> String { JSONText.encode(Document(self)) }

    struct Document: Encodable {
        let schema = "parkscore-scorecards"
        let schemaVersion = 1
        let scorecards: [Entry]

        init(_ list: ScorecardList) {
            scorecards = list.scorecards.map(Entry.init)
        }
    }

    struct Entry: Encodable {
        let id: String
        let version: String
        let title: Localized
        let source: Source
        let sha256: String

        init(_ loaded: LoadedScorecard) {
            let s = loaded.scorecard
            id = s.id
            version = s.version
            title = Localized(s.title)
            source = Source(file: s.source.file, title: s.source.title, jurisdiction: Localized(s.source.jurisdiction),
                            level: s.source.level, issuer: s.source.issuer.map(Localized.init))
            sha256 = loaded.fingerprint.sha256
        }
    }

    struct Source: Encodable {
        let file: String
        let title: String
        let jurisdiction: Localized
        let level: String?
        let issuer: Localized?
    }
}
