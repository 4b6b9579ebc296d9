import ParkScore
import ParkYAML

/// Reads a park's self-report, typing its facts by the dictionary, and checks it: types, bounds,
/// unknown facts ("did you mean"), evidence entries, and, for the scorecards given, the self-assessment.
public enum SelfReportLoader {
    public static func load(_ path: String, dictionary: FactDictionary, scorecards: [Scorecard] = []) -> Loaded<SelfReport> {
        SourceFile.load(path) { decode($0, dictionary: dictionary, scorecards: scorecards) }
    }

    public static func decode(_ file: SourceFile, dictionary: FactDictionary, scorecards: [Scorecard] = []) -> Loaded<SelfReport> {
        var loaded = decodeFacts(file, dictionary: dictionary)
        if let report = loaded.value {
            loaded.diagnostics += check(report, dictionary: dictionary, scorecards: scorecards)
            loaded.diagnostics = loaded.diagnostics.sortedForReport()
        }
        return loaded
    }

    /// Decodes the report and checks its facts against the dictionary (types, bounds, unknown keys); what depends on
    /// the scorecards is left to `check`.
    /// A workbook (申报表.xlsx) is first turned into the YAML a person would have written (`WorkbookSelfReport`), then
    /// read by the same decoders, each problem located at its cell.
    public static func decodeFacts(_ file: SourceFile, dictionary: FactDictionary) -> Loaded<SelfReport> {
        guard WorkbookSelfReport.isWorkbook(file) else {
            return file.decodeDocument { node, decoder in decode(node, decoder, dictionary: dictionary) }
        }
        let converted = WorkbookSelfReport.convert(file, dictionary: dictionary)
        guard let value = converted.value, !converted.hasErrors else {
            return Loaded(value: nil, diagnostics: converted.diagnostics.sortedForReport(), sources: [file])
        }
        let yaml = SourceFile(path: file.path, bytes: Array(value.yaml.utf8))
        var loaded = yaml.decodeDocument(cells: value.cells) { node, decoder in decode(node, decoder, dictionary: dictionary) }
        loaded.diagnostics = (converted.diagnostics + loaded.diagnostics).sortedForReport()
        // The workbook is the input: its bytes are what the audit hashes, and its cells what the snippets show.
        loaded.sources = [file]
        return loaded
    }

    private static func decode(_ node: Node, _ decoder: DocumentDecoder, dictionary: FactDictionary) -> Loaded<SelfReport> {
        guard let report = SelfReportReader(decoder: decoder, dictionary: dictionary).report(node) else {
            return Loaded(value: nil, diagnostics: decoder.diagnostics.sortedForReport())
        }
        let diagnostics = decoder.diagnostics + SelfReportValidation.checkRanges(report, dictionary: dictionary)
        return Loaded(value: report, diagnostics: diagnostics.sortedForReport())
    }

    /// The checks that depend on the scorecards: evidence entries and what they support, and each self-assessment.
    public static func check(_ report: SelfReport, dictionary: FactDictionary, scorecards: [Scorecard]) -> [Diagnostic] {
        var diagnostics = SelfReportValidation.checkEvidence(report, dictionary: dictionary, scorecards: scorecards)
        for scorecard in scorecards {
            diagnostics += SelfReportValidation.checkAssessment(report, against: scorecard)
        }
        return diagnostics
    }
}

private struct SelfReportReader {
    let decoder: DocumentDecoder
    let dictionary: FactDictionary

    func report(_ node: Node) -> SelfReport? {
        guard let root = decoder.mapping(node, .root, what: Message("subject.self-report")) else { return nil }
        let park = root.mapping("park", required: true).flatMap(park)
        let period = root.mapping("period", required: true).flatMap(period)
        let reportDate = root.value("report_date").flatMap { date($0, .root.appending("report_date")) }
        var appliesTo: [String] = []
        if let items = root.sequence("applies_to") {
            for (i, item) in items.enumerated() {
                guard let id = decoder.text(item, .root.appending("applies_to").appending(i), what: Message("subject.scorecard-id")) else { continue }
                // An id, never a path: a self-report must not make the tool read (and quote) a file of its choosing,
                // nor score itself against a scorecard of its own making.
                if id.hasSuffix(".yaml") || id.hasSuffix(".yml") || !ParkProfile.isValidID(id) {
                    decoder.error(Message("selfreport.applies-to.not-id", id, "beijing-digital-advertising-park"), at: item,
                                  .root.appending("applies_to").appending(i))
                    continue
                }
                appliesTo.append(id)
            }
        }
        var facts: [String: FactEntry] = [:]
        var misspelled: [MisspelledFact] = []
        var blanks: [String: SourceLocation] = [:]
        if let factsNode = root.value("facts", required: true) {
            let reader = FactValueDecoder(dictionary: dictionary, decoder: decoder)
            facts = reader.facts(factsNode, .root.appending("facts"))
            misspelled = reader.misspelled
            blanks = reader.blanks
        }
        var assessments: [String: SelfAssessment] = [:]
        if let map = root.mapping("self_assessment") {
            for pair in map.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("selfreport.key.not-scorecard-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, map.path)
                    continue
                }
                let path = map.path.appending(id)
                if let m = decoder.mapping(pair.value, path, what: Message("subject.self-assessment-for", id)) {
                    assessments[id] = assessment(m)
                }
            }
        }
        var evidence: [Evidence] = []
        if let items = root.sequence("evidence") {
            for (i, item) in items.enumerated() {
                if let m = decoder.mapping(item, .root.appending("evidence").appending(i), what: Message("subject.evidence-entry")),
                   let e = self.evidence(m) {
                    evidence.append(e)
                }
            }
        }
        root.finish(allowing: ["notes"])
        // A park or period that could not be read is an error already; the rest of the report is still checked (its
        // evidence, its self-assessment), so that every problem is reported in one run, not in rounds.
        var report = SelfReport(park: park ?? ParkProfile(name: ""), period: period ?? ReportingPeriod(from: "", to: ""), reportDate: reportDate,
                                appliesTo: appliesTo, facts: facts, assessments: assessments, evidence: evidence, file: decoder.file)
        report.misspelledFacts = misspelled
        report.blankFactLocations = blanks
        report.factsLocation = root.pairs.first { $0.key.hasText("facts") }.map { decoder.location($0.key) }
        return report
    }

    func park(_ map: MappingReader) -> ParkProfile? {
        var id = map.text("id")
        if let given = id, !ParkProfile.isValidID(given), let node = map.value("id") {
            decoder.error(Message("selfreport.park-id", given),
                          at: node, map.path.appending("id"))
            id = nil
        }
        let name = map.text("name", required: true)
        let nameEn = map.text("name_en")
        let jurisdiction = map.text("jurisdiction")
        let operatorName = map.text("operator")
        map.finish()
        guard let name else { return nil }
        return ParkProfile(id: id, name: name, nameEn: nameEn, jurisdiction: jurisdiction, operatorName: operatorName)
    }

    /// Where a scalar's text starts: after its opening quote, if it has one.
    func valueLocation(_ node: Node) -> SourceLocation {
        var location = decoder.location(node)
        if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted { location.column += 1 }
        return location
    }

    func date(_ node: Node, _ path: KeyPath) -> String? {
        if let s = node.scalar, s.kind == .string {
            if DateText.isValid(s.text) { return s.text }
            if let date = TypicalEntry.date(s.text) {
                decoder.note(Message(DiagnosticCode.readDate, s.text, date), at: node, path)
                return date
            }
        }
        decoder.add(.error(Message(DiagnosticCode.invalidDate, [path.lastKey ?? "", node.scalar?.text ?? ""],
                                   parts: [decoder.written(node), Message("input.hint.date")]),
                           at: decoder.location(node), path: path.description))
        return nil
    }

    /// A self-rating's level: a whole number, or a typical entry such as `2级`.
    func level(_ node: Node, _ path: KeyPath, criterion id: String) -> Int? {
        if let s = node.scalar, s.kind == .int, let n = s.int { return n }
        if let s = node.scalar, s.kind == .string, let n = TypicalEntry.level(s.text) {
            decoder.note(Message(DiagnosticCode.readLevel, s.text, String(n)), at: node, path)
            return n
        }
        decoder.add(.error(Message(DiagnosticCode.invalidLevel, [id, node.scalar?.text ?? ""], parts: [decoder.written(node), Message("input.hint.level")]),
                           at: decoder.location(node), path: path.description))
        return nil
    }

    func period(_ map: MappingReader) -> ReportingPeriod? {
        let from = map.value("from", required: true).flatMap { date($0, map.path.appending("from")) }
        let to = map.value("to", required: true).flatMap { date($0, map.path.appending("to")) }
        map.finish()
        guard let from, let to else { return nil }
        if to < from {
            decoder.error(Message("selfreport.period.reversed", to, from), at: map.value("to")!, map.path.appending("to"))
        }
        return ReportingPeriod(from: from, to: to)
    }

    func assessment(_ map: MappingReader) -> SelfAssessment {
        var ratings: [String: SelfRating] = [:]
        if let m = map.mapping("ratings") {
            for pair in m.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("selfreport.key.not-criterion-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, m.path)
                    continue
                }
                let path = m.path.appending(id)
                if pair.value.scalar?.isNull == true { continue }  // left blank: not rated
                if pair.value.mapping != nil, let r = decoder.mapping(pair.value, path, what: Message("subject.rating-of", id)) {
                    let level = r.value("level", required: true).flatMap { self.level($0, path.appending("level"), criterion: id) }
                    let note = r.text("note")
                    r.finish()
                    if let level { ratings[id] = SelfRating(level: level, note: note, location: decoder.location(pair.value)) }
                } else if let level = level(pair.value, path, criterion: id) {
                    ratings[id] = SelfRating(level: level, location: decoder.location(pair.value))
                }
            }
        }
        var notApplicable: [String: NotApplicableClaim] = [:]
        if let m = map.mapping("not_applicable") {
            for pair in m.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("selfreport.key.not-criterion-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, m.path)
                    continue
                }
                let justification = pair.value.scalar?.isNull == true
                    ? "" : decoder.text(pair.value, m.path.appending(id), what: Message("subject.justification-of", id)) ?? ""
                notApplicable[id] = NotApplicableClaim(justification: justification, location: decoder.location(pair.key))
            }
        }
        map.finish()
        return SelfAssessment(ratings: ratings, notApplicable: notApplicable, location: decoder.location(map.node))
    }

    func evidence(_ map: MappingReader) -> Evidence? {
        let id = map.text("id", required: true)
        let title = map.text("title", required: true)
        let file = map.text("file", required: true)
        let sha = map.text("sha256")
        var supports: [String] = []
        if let items = map.sequence("supports") {
            for (i, item) in items.enumerated() {
                if let s = decoder.text(item, map.path.appending("supports").appending(i), what: Message("subject.item-of", "supports")) {
                    supports.append(s)
                }
            }
        }
        map.finish()
        guard let id, let title, let file else { return nil }
        var evidence = Evidence(id: id, title: title, file: file, sha256: sha, supports: supports, location: decoder.location(map.node))
        evidence.fileLocation = map.value("file").map(valueLocation)
        evidence.sha256Location = map.value("sha256").map(valueLocation)
        return evidence
    }
}
