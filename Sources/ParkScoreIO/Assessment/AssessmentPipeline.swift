import ParkScore

/// What to assess an application against, and how.
public struct AssessmentOptions: Sendable {
    /// Scorecards by built-in id or path; empty: the ones the report lists under `applies_to`.
    public var scorecards: [String]
    /// Evaluation when asked, or whenever there are reviews.
    public var mode: ScoringMode
    /// The documents' date, `YYYY-MM-DD`, overriding the one worked out from the inputs.
    public var date: String?
    /// Scorecards to use when none is named and the report lists none (`validate` checks against every built-in one).
    public var fallbackScorecards: [String]
    /// Evidence problems (a missing file, a hash that does not match) as errors rather than warnings (`validate`).
    public var evidenceProblemsAreErrors = false

    public init(scorecards: [String] = [], mode: ScoringMode = .selfAssessment, date: String? = nil, fallbackScorecards: [String] = []) {
        self.scorecards = scorecards
        self.mode = mode
        self.date = date
        self.fallbackScorecards = fallbackScorecards
    }
}

/// The one assessment pipeline. Every command, batch and the web workbench go through it: bytes in, each input read
/// and parsed once, evidence checked (hashed as it streams), reviews loaded and checked together, every stage scored,
/// one self-contained `Assessment` out. It never prints and never writes.
public struct AssessmentPipeline: Sendable {
    public let criteria: CriteriaLibrary
    public let engine: ScoringEngine
    public let toolVersion: String

    public init(criteria: CriteriaLibrary, toolVersion: String = ParkScoreVersion.current) {
        self.criteria = criteria
        self.engine = ScoringEngine(dictionary: criteria.dictionary)
        self.toolVersion = toolVersion
    }

    public func assess(_ input: ApplicationInput, options: AssessmentOptions = AssessmentOptions()) -> Loaded<Assessment> {
        let dictionary = criteria.dictionary
        var out = Loaded<Assessment>(value: nil, diagnostics: [], sources: [input.selfReport] + input.reviews)
        func fail() -> Loaded<Assessment> {
            out.diagnostics = out.diagnostics.sortedForReport()
            return out
        }

        // The self-report, parsed once from its bytes.
        let decoded = SelfReportLoader.decodeFacts(input.selfReport, dictionary: dictionary)
        out.diagnostics += decoded.diagnostics
        guard let report = decoded.value else { return fail() }

        // The scorecards: the ones named, else the report's applies_to.
        let names = !options.scorecards.isEmpty ? options.scorecards : (report.appliesTo.isEmpty ? options.fallbackScorecards : report.appliesTo)
        if names.isEmpty {
            // An applies_to already refused (a path where an id belongs) says all there is to say.
            if out.diagnostics.contains(where: { $0.severity == .error && $0.path?.hasPrefix("applies_to") == true }) { return fail() }
            out.diagnostics.append(.error(Message("pipeline.no-scorecard", "--scorecard"),
                                          at: input.selfReport.startLocation))
            return fail()
        }
        var scorecards: [LoadedScorecard] = []
        for name in names {
            let loaded = criteria.scorecard(name)
            out.diagnostics += loaded.diagnostics
            out.sources += loaded.sources
            if let s = loaded.validValue, !scorecards.contains(where: { $0.scorecard.id == s.scorecard.id }) { scorecards.append(s) }
        }
        out.diagnostics += SelfReportLoader.check(report, dictionary: dictionary, scorecards: scorecards.map(\.scorecard))
        out.diagnostics += SelfReportValidation.checkPlausibility(report)
        out.diagnostics += SelfReportValidation.checkMisspelledFacts(report, scorecards: scorecards.map(\.scorecard))

        // The reviews, each against the scorecard it is of, then together (a reviewer counts once).
        var reviews: [Review] = []
        for file in input.reviews {
            let loaded = ReviewLoader.decode(file)
            out.diagnostics += loaded.diagnostics
            guard let review = loaded.value else { continue }
            guard let scorecard = scorecards.first(where: { $0.scorecard.id == review.scorecardID }) else {
                let assessed = scorecards.map(\.scorecard.id).joined(separator: ", ")
                if report.appliesTo.contains(review.scorecardID) {
                    // A review of another scorecard the park applies under, left out of this run: set aside, not refused.
                    out.diagnostics.append(.warning(Message("pipeline.review.set-aside", review.scorecardID, assessed),
                                                    at: review.location, path: "scorecard"))
                    continue
                }
                out.diagnostics.append(.error(Message("pipeline.review.other-scorecard", review.scorecardID, assessed),
                                              at: review.location, path: "scorecard"))
                continue
            }
            out.diagnostics += ReviewValidation.check(review, scorecard: scorecard.scorecard, report: report)
            let reported = report.reportDate ?? report.period.to
            if let year = Int(review.date.prefix(4)), year < 1990 || year > 2100 {
                out.diagnostics.append(.warning(Message("pipeline.review.date-range", review.date, "1990", "2100"), at: review.location, path: "date"))
            } else if review.date < reported {
                out.diagnostics.append(.warning(Message("pipeline.review.date-before", review.date, reported),
                                                at: review.location, path: "date"))
            }
            reviews.append(review)
        }
        for scorecard in scorecards {
            out.diagnostics += ReviewValidation.checkPanel(reviews.filter { $0.scorecardID == scorecard.scorecard.id })
        }
        let mode: ScoringMode = input.reviews.isEmpty ? options.mode : .evaluation

        // Evidence: every file hashed as it streams. Problems do not stop an assessment: the engine sees each file's state.
        let evidence = EvidenceCheck.check(report, source: input.evidence)
        out.diagnostics += options.evidenceProblemsAreErrors ? evidence.diagnostics : evidence.diagnostics.map(\.asWarning)
        guard !out.diagnostics.hasErrors else { return fail() }

        let reportFingerprint = InputFingerprint(name: "self-report: " + input.selfReport.name, sha256: input.selfReport.sha256)
        var evidenceInputs: [InputFingerprint] = []
        for item in report.evidence {
            evidenceInputs.append(InputFingerprint(name: "evidence: " + item.file, sha256: evidence.files[item.id]?.sha256 ?? "—"))
        }
        var results: [ScorecardAssessment] = []
        for loaded in scorecards {
            let scorecard = loaded.scorecard
            let own = reviews.filter { $0.scorecardID == scorecard.id }
            var staged: StagedResult?
            let result: ScoreResult
            // Reviews make an evaluation of the scorecards they are of; a scorecard nobody reviewed stays a self-assessment.
            let evaluated = mode == .evaluation && (!own.isEmpty || options.mode == .evaluation)
            if mode == .evaluation && !evaluated {
                out.diagnostics.append(.warning(Message("pipeline.review.none", scorecard.id),
                                                at: input.selfReport.startLocation))
            }
            if evaluated {
                let s = StagedEvaluation.evaluate(report, against: scorecard, engine: engine, reviews: own, evidenceFiles: evidence.states)
                staged = s
                // Evaluation asked for with no review yet: the evaluation's view of the report (claims need evidence).
                result = s.panel ?? s.preliminary
                    ?? engine.score(report, against: scorecard, options: ScoringOptions(mode: .evaluation, evidenceFiles: evidence.states))
            } else {
                result = engine.score(report, against: scorecard, options: ScoringOptions(evidenceFiles: evidence.states))
            }
            // Exact or error: a number too large to compute exactly is an error at the place it arose.
            for stage in [staged?.selfAssessment, staged?.preliminary, staged?.panel, result].compactMap({ $0 }) {
                for problem in stage.arithmeticProblems where !out.diagnostics.contains(where: { $0.coded == problem.message }) {
                    let at = scorecard.criterion(problem.subject)?.location ?? scorecard.incentives.first { $0.id == problem.subject }?.location
                        ?? scorecard.location
                    out.diagnostics.append(.error(problem.message, at: at))
                }
            }
            let date = options.date ?? staged?.latestReviewDate ?? report.reportDate ?? report.period.to
            let reviewInputs = own.map { InputFingerprint(name: "review: " + ($0.file.map(SourceFile.name(of:)) ?? $0.reviewer.id),
                                                          sha256: $0.sha256 ?? "—") }
            results.append(ScorecardAssessment(
                report: report, dictionary: dictionary, scorecard: scorecard, scorecardFingerprint: loaded.fingerprint, result: result,
                staged: staged, evidence: evidence.files, date: date, toolVersion: toolVersion,
                inputs: [reportFingerprint, criteria.dictionaryFingerprint, loaded.fingerprint] + evidenceInputs + reviewInputs))
        }
        out.diagnostics = out.diagnostics.sortedForReport()
        guard !out.diagnostics.hasErrors else { return out }
        out.value = Assessment(report: report, dictionary: dictionary, mode: mode, evidence: evidence, reviews: reviews, results: results,
                               reportFingerprint: reportFingerprint)
        out.diagnostics = out.diagnostics.sortedForReport()
        return out
    }
}
