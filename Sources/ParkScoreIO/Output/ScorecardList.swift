import ParkScore

/// The built-in scorecards listed for a user choosing one (`parkscore scorecards`): id and version, title, the policy
/// text each is written from, and who issued it. As text in one language, or as JSON with both.
public struct ScorecardList {
    public let scorecards: [LoadedScorecard]

    public init(_ scorecards: [LoadedScorecard]) {
        self.scorecards = scorecards.sorted { $0.scorecard.id < $1.scorecard.id }
    }

    /// A block per scorecard, then how to see one in full.
    public func text(_ language: LocalizedText.Language) -> String {
        let zh = language == .zh
        let colon = zh ? "：" : ": "
        var lines = [zh ? "内置评分表（\(scorecards.count) 个）" : "Built-in scorecards (\(scorecards.count))", ""]
        for loaded in scorecards {
            let s = loaded.scorecard
            let source = s.source
            let title = source.title.hasPrefix("《") || !zh ? source.title : "《\(source.title)》"
            lines.append(zh ? "\(s.id)（版本 \(s.version)）" : "\(s.id) (version \(s.version))")
            lines.append("  " + (zh ? "名称" : "Title") + colon + s.title.text(language))
            lines.append("  " + (zh ? "依据文本" : "Source text") + colon + title + (zh ? "（\(source.file)）" : " (\(source.file))"))
            if let issuer = source.issuer {
                lines.append("  " + (zh ? "发文机关" : "Issued by") + colon + issuer.text(language))
            } else {
                lines.append("  " + (zh ? "发文地区" : "Issued in") + colon + source.jurisdiction.text(language))
            }
            lines.append("")
        }
        lines.append(zh ? "查看评分表详情：parkscore explain <评分表>；生成空白自评表：parkscore template <评分表>"
                        : "In full: parkscore explain <scorecard>; a blank self-report: parkscore template <scorecard>")
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
