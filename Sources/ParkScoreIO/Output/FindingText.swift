import ParkScore

/// Reviewers' findings, evidence states and the corrections list in words, shared by the text output and the dossiers.
public struct FindingText {
    public let language: LocalizedText.Language

    public init(language: LocalizedText.Language) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func role(_ role: Review.Role) -> String {
        switch role {
        case .preliminary: return t("初审", "preliminary reviewer")
        case .panel: return t("评审专家", "panel member")
        case .chair: return t("评审组长", "panel chair")
        }
    }

    public func stage(_ stage: EvaluationStage) -> String {
        switch stage {
        case .selfAssessment: return t("自评", "self-assessment")
        case .preliminary: return t("初审", "preliminary check")
        case .panel: return t("评审", "panel")
        }
    }

    /// `赵初审（初审，2026-02-20）`
    public func who(_ reviewer: Review.Reviewer, date: String) -> String {
        t("\(reviewer.name)（\(role(reviewer.role))，\(date)）", "\(reviewer.name) (\(role(reviewer.role)), \(date))")
    }

    /// What was said, with the evidence's title where there is one.
    public func statement(_ finding: Finding, report: SelfReport) -> String {
        let subject: String
        switch finding.subject {
        case .evidence(let id):
            let title = report.evidence.first { $0.id == id }?.title
            subject = title.map { t("\(id)「\($0)」", "\(id) '\($0)'") } ?? id
        case .criterion(let id): subject = id
        case .application: subject = ""
        }
        var text: String
        switch finding.statement {
        case .accepted: text = t("采信证明材料 \(subject)", "accepts evidence \(subject)")
        case .rejected: text = t("不予采信证明材料 \(subject)", "rejects evidence \(subject)")
        case .override(let points): text = t("将 \(subject) 调整为 \(points.formatted(places: 2)) 分", "sets the points of \(subject) to \(points.formatted(places: 2))")
        case .rating(let level): text = t("评议 \(subject) 为等级 \(level)", "rates \(subject) at level \(level)")
        case .resolution(let level): text = t("合议确定 \(subject) 为等级 \(level)", "settles \(subject) at level \(level)")
        case .comment: text = t("总体意见", "comments")
        }
        if let note = finding.text, !note.isEmpty {
            switch finding.statement {
            case .comment: text += t("：\(note)", ": \(note)")
            case .rating: text += t("，意见：\(note)", "; comment: \(note)")
            default: text += t("，理由：\(note)", "; reason: \(note)")
            }
        }
        return text
    }

    public func standing(_ standing: Finding.Standing) -> String {
        switch standing {
        case .inForce: return t("有效", "in force")
        case .memberOnly: return t("个人意见，未经组长确认或评审组多数同意，不作为评审组结论", "this member's own finding: neither recorded by the chair nor agreed by a majority, so not the panel's")
        case .concurs: return t("与现行结论一致", "agrees with the decision in force")
        case .overruledByChair: return t("评审组多数意见，经组长改定", "the panel majority's finding, decided otherwise by the chair")
        case .fileProblem: return t("文件缺失或校验不符，采信无效", "the file is missing or fails its hash: accepting it cannot count")
        case .sameDayConflict: return t("与同日同阶段意见冲突，按较严格的意见处理，未生效", "conflicts with a finding of the same stage and day: the stricter one stands")
        case .reversed(let by): return t("已被 \(by.joined(separator: "、")) 推翻", "reversed by \(by.joined(separator: ", "))")
        case .superseded: return t("已被本阶段后续意见取代", "replaced by a later finding of the same stage")
        case .recorded: return t("已计入", "on record")
        case .reversalWithoutReason: return t("推翻前一阶段结论须说明理由，未生效", "reversing an earlier stage needs a reason: not in force")
        }
    }

    /// One line: who, what, and where it stands.
    public func line(_ finding: Finding, report: SelfReport) -> String {
        "\(who(finding.reviewer, date: finding.date))\(t("：", ": "))\(statement(finding, report: report)) — \(standing(finding.standing))"
    }

    /// An evidence item's state at the final stage, and who decided it.
    public func evidenceState(_ check: EvidenceFileCheck?, decision: EvidenceDecision?) -> String {
        switch check?.state {
        case .missing: return t("缺失", "missing")
        case .hashMismatch: return t("校验不符", "hash mismatch")
        case .outsideFolder: return t("不在申报文件夹内", "outside the application folder")
        case .notAFile: return t("不是文件（文件夹或设备）", "not a file (a folder or a device)")
        case .tooLarge: return t("超过大小限制", "larger than the size limit")
        case .verified, .unchecked, .rejected, nil:
            break
        }
        if let decision {
            let who = t("\(decision.byNames)（\(stage(decision.stage))，\(decision.date)）", "\(decision.byNames) (\(stage(decision.stage)), \(decision.date))")
            let why = decision.reason.map { t("，理由：\($0)", "; reason: \($0)") } ?? ""
            let unchecked = check?.state == .unchecked ? t("；未登记 sha256", "; no sha256 recorded") : ""
            return decision.accepted ? t("已采信：\(who)\(why)\(unchecked)", "accepted by \(who)\(why)\(unchecked)")
                                     : t("未采信：\(who)不予采信\(why)", "rejected by \(who)\(why)")
        }
        switch check?.state {
        case .unchecked: return t("未登记 sha256，未核验", "no sha256 recorded: not checked")
        case .verified: return t("已核验（文件与 sha256 一致）", "verified (file matches its sha256)")
        default: return t("未核验", "not checked")
        }
    }

    /// One line of the corrections list.
    public func correction(_ item: CorrectionItem) -> String {
        "\(item.problem.text(language))\(t("；影响：", "; holds up: "))\(item.affects.joined(separator: t("、", ", ")))"
    }
}
