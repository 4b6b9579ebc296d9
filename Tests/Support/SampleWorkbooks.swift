/// Workbooks that stand for the samples, typed as a park would fill them in.
public enum SampleWorkbooks {
    public static let scorecardID = "beijing-digital-advertising-park"

    /// The facts of Samples/beijing-xinghe/self-report.yaml, typed into cells the ways a park would type them: numbers
    /// as numbers and as text, booleans as TRUE and as 是, a date as a serial and as text, a label for a value, lists
    /// joined with 、 and with commas.
    /// A cover and one fact written in words where a number belongs: 事实!C12 holds 「四十五家」 for tenants.total.
    public static func tenantsInWords() -> TestWorkbook {
        var w = TestWorkbook()
        w.sheet("封面", TestWorkbook.row(1, TestWorkbook.inline("A1", "parkscore:cover"))
            + TestWorkbook.row(2, TestWorkbook.inline("A2", "park.name"), TestWorkbook.inline("C2", "星河"))
            + TestWorkbook.row(3, TestWorkbook.inline("A3", "period.from"), TestWorkbook.inline("C3", "2025-01-01"))
            + TestWorkbook.row(4, TestWorkbook.inline("A4", "period.to"), TestWorkbook.inline("C4", "2025-12-31")))
        w.sheet("事实", TestWorkbook.row(1, TestWorkbook.inline("A1", "parkscore:facts"))
            + TestWorkbook.row(12, TestWorkbook.inline("A12", "tenants.total"), TestWorkbook.inline("C12", "四十五家")))
        return w
    }

    public static func xinghe() -> TestWorkbook {
        var w = TestWorkbook()
        let date = w.style(14)
        typealias T = TestWorkbook
        func text(_ ref: String, _ s: String) -> String { T.inline(ref, s) }
        var cover = T.row(1, text("A1", "parkscore:cover"), text("B1", "项目"), text("C1", "填写"))
        let coverRows: [(String, String)] = [
            ("park.id", text("C2", "beijing-xinghe")),
            ("park.name", w.string("C3", "星河数字广告产业园（虚构）")),
            ("park.name_en", text("C4", "Xinghe Digital Advertising Park (fictional)")),
            ("park.jurisdiction", text("C5", "北京市朝阳区")),
            ("park.operator", text("C6", "北京星河数字广告产业园运营管理有限公司（虚构）")),
            // 2025-01-01 is serial 45658 (days after 1899-12-30); 2026-01-20 is 45658 + 365 + 19 = 46042.
            ("period.from", T.number("C7", "45658", style: date)),
            ("period.to", text("C8", "2025-12-31")),
            ("report_date", T.number("C9", "46042", style: date)),
            ("applies_to", text("C10", scorecardID)),
            ("notes", ""),
        ]
        for (i, (key, cell)) in coverRows.enumerated() { cover += T.row(i + 2, text("A\(i + 2)", key), cell) }
        w.sheet("封面", cover)

        let facts: [(String, (String) -> String)] = [
            ("management.independent_legal_person", { T.boolean($0, true) }),
            ("management.business_support_services", { text($0, "是") }),
            ("management.operating_rules", { T.boolean($0, true) }),
            ("park.district_approved_sign", { T.boolean($0, true) }),
            ("park.province", { text($0, "北京市") }),
            ("tenants.total", { text($0, "45") }),
            ("tenants.advertising_related", { T.number($0, "19") }),
            ("tenants.large_anchor", { T.number($0, "1") }),
            ("tenants.medium", { T.number($0, "4") }),
            ("tenants.startups", { T.number($0, "1.2E+1") }),
            ("incubator.exists", { T.boolean($0, true) }),
            ("incubator.tenants_total", { T.number($0, "14") }),
            ("incubator.advertising_related", { T.number($0, "9") }),
            ("tech.digital_technologies", { text($0, "big_data、recommendation_algorithms、generative_ai") }),
            ("industry.fusion_sectors", { text($0, "manufacturing, wholesale_retail, culture_sports_entertainment") }),
            ("facilities.shared_spaces", { text($0, "showroom、meeting_room、reception_room") }),
            ("facilities.xr_studio", { T.boolean($0, false) }),
            ("facilities.sharing_mechanism", { T.boolean($0, true) }),
            ("services.platform", { T.boolean($0, true) }),
            ("services.government", { text($0, "business_registration、trademark_registration、legal_tax") }),
            ("services.third_party_institutions", { T.number($0, "7") }),
            ("services.research_partners", { T.number($0, "2") }),
            ("talent.training_platform", { T.boolean($0, true) }),
            ("talent.training_sessions", { T.number($0, "9") }),
            ("talent.channels", { text($0, "park_recruitment、university_cooperation") }),
            ("culture.award_events", { T.number($0, "1") }),
            ("international.exchange_platform", { T.boolean($0, true) }),
            ("international.cooperation_projects", { T.number($0, "3") }),
            ("international.creative_platforms", { T.boolean($0, false) }),
        ]
        var rows = T.row(1, text("A1", "parkscore:facts"), text("B1", "事实"), text("C1", "填写"))
        for (i, (key, cell)) in facts.enumerated() { rows += T.row(i + 2, text("A\(i + 2)", key), text("B\(i + 2)", "说明"), cell("C\(i + 2)")) }
        w.sheet("事实", rows)

        w.sheet("自评", T.row(1, text("A1", "parkscore:ratings:" + scorecardID))
            + T.row(2, text("A2", "basic.positioning"), T.number("F2", "2"), text("G2", "聚焦程序化广告与内容营销两个方向"))
            + T.row(3, text("A3", "talent.system"), T.number("F3", "2"))
            + T.row(4, text("A4", "culture.content"), text("F4", "1级"))
            + T.row(5, text("A5", "basic.services")))
        w.sheet("不适用", T.row(1, text("A1", "parkscore:not-applicable:" + scorecardID))
            + T.row(2, text("A2", "culture.content"), text("C2", "否")))
        let evidence: [[String]] = [
            ["licence", "园区管理机构营业执照（示例）", "evidence/management-licence.txt", "0f65cceb5b75020e18e9b7ce1d986e7415620b19b03b9e9f112c937f17172b46",
             "management.independent_legal_person、park.province"],
            ["tenants", "入驻单位名录（示例）", "evidence/tenant-list.csv", "da56e82866457f8376aa82925f8a7002d13dfdac5341e6da8e271bbe70f987b3",
             "tenants.total\ntenants.advertising_related"],
            ["platform", "园区服务平台介绍与服务记录（示例）", "evidence/service-platform.md", "ff89a7ab4dc8146ccd37d1c56c1c67877e0cdcd910575b6e907ab422421ca42e",
             "services.platform, services.government, services.third_party_institutions"],
            ["services", "园区软、硬件服务清单及服务记录（示例）", "evidence/business-services.md", "30a4b19ae361c0ac529a891e78a99b94f80048c4843f26e304add4d1ec4ce294",
             "management.business_support_services"],
        ]
        var evidenceRows = T.row(1, text("A1", "parkscore:evidence"))
        for (i, e) in evidence.enumerated() {
            let r = i + 2
            evidenceRows += T.row(r, text("B\(r)", e[0]), text("C\(r)", e[1]), text("D\(r)", e[2]), text("E\(r)", e[3]), text("F\(r)", e[4]))
        }
        w.sheet("证明材料", evidenceRows)
        w.sheet("说明", T.row(1, text("A1", "请填写加粗的单元格")))
        return w
    }
}
