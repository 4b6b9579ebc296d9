import ParkScore

/// What a dossier states beyond the result: its date, the tool, and the fingerprints of every input,
/// for the audit appendix. Gathered by the caller (which reads files); the dossier does no I/O.
public struct DossierInputs: Sendable {
    /// The dossier's date, `YYYY-MM-DD`: from an option or the self-report, never the clock.
    public var date: String
    public var toolVersion: String
    /// sha256 of the scorecard file.
    public var scorecardSHA256: String
    /// Every input file by its name as shown (self-report, fact dictionary, scorecard, evidence), with its sha256.
    public var files: [(name: String, sha256: String)]
    /// What checking each evidence file found, by evidence id.
    public var evidenceFiles: [String: EvidenceFileState]

    public init(date: String, toolVersion: String, scorecardSHA256: String, files: [(name: String, sha256: String)],
                evidenceFiles: [String: EvidenceFileState]) {
        self.date = date
        self.toolVersion = toolVersion
        self.scorecardSHA256 = scorecardSHA256
        self.files = files
        self.evidenceFiles = evidenceFiles
    }
}
