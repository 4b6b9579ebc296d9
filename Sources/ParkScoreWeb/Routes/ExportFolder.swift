import Foundation
import GRDB
import Hummingbird
import ParkOffice
import ParkScore
import ParkScoreIO

/// The bureau's export: one ZIP holding a folder per submitted or finalised application, laid out as `parkscore batch`
/// reads one — `<application id>-<park id>/self-report.yaml`, its evidence files at the paths the self-report gives,
/// `reviews/<reviewer>.yaml` for each submitted review (the files the web scores with), and the fixed `dossier.html` of
/// a finalised one. Deterministic (`PackageWriter`). Only names the server checked become paths: the application id, a
/// park id made of id characters, evidence paths that pass `EvidenceRecord.isSafePath`, account names.
struct ExportFolder {
    /// Evidence bytes one export holds at most (the ZIP is made in memory).
    static let maxBytes = 512 << 20

    enum Failure: Error {
        case tooLarge
        case missingFile(String)
    }

    let workbench: Workbench

    /// The ZIP of every non-draft application of `scorecard` (nil: of every scorecard).
    func zip(scorecard: String?) throws -> [UInt8] {
        let applications = try workbench.store.database.read { db in
            var request = ApplicationRecord.filter(Column("status") != ApplicationRecord.Status.draft.rawValue)
            if let scorecard { request = request.filter(Column("scorecardID") == scorecard) }
            return try request.order(Column("id")).fetchAll(db)
        }
        var writer = PackageWriter()
        var total = 0
        for application in applications {
            guard let id = application.id else { continue }
            let folder = Self.folderName(of: application, dictionary: workbench.pipeline.criteria.dictionary)
            var names: Set<String> = ["self-report.yaml", "dossier.html"]
            writer.add(folder + "/self-report.yaml", application.selfReport)
            for file in try workbench.evidence(of: id) {
                // A path that is not plain, or that would take the place of the report, a review or the dossier, is left out
                // (the self-report then names a missing file, as it would on any disk).
                guard EvidenceRecord.isSafePath(file.path), !file.path.hasPrefix("reviews/"), names.insert(file.path).inserted else { continue }
                guard let bytes = workbench.store.blobs.read(file.sha256) else { throw Failure.missingFile(file.path) }
                total += bytes.count
                guard total <= Self.maxBytes else { throw Failure.tooLarge }
                writer.add(folder + "/" + file.path, bytes, stored: Self.isCompressed(file.path))
            }
            for review in try BureauAssessment.submittedReviews(of: application, in: workbench.store) {
                writer.add(folder + "/" + review.path, review.bytes)
            }
            if application.status == .finalised,
               let outcome = try workbench.store.database.read({ db in try OutcomeRecord.fetchOne(db, key: id) }) {
                writer.add(folder + "/dossier.html", outcome.dossierHTML)
            }
        }
        return try writer.bytes()
    }

    /// `12-beijing-xinghe`: the application id, and the report's park id when it is made of id characters.
    static func folderName(of application: ApplicationRecord, dictionary: FactDictionary) -> String {
        let id = String(application.id ?? 0)
        let file = SourceFile(path: "self-report.yaml", bytes: Array(application.selfReport.utf8))
        guard let park = SelfReportLoader.decodeFacts(file, dictionary: dictionary).value?.park.id, EvidenceRecord.isValidID(park) else {
            return id
        }
        return id + "-" + park
    }

    /// Files already compressed are stored as they are.
    static func isCompressed(_ path: String) -> Bool {
        let ext = EvidenceRecord.safeExtension(path)
        return [".zip", ".xlsx", ".docx", ".pptx", ".jpg", ".jpeg", ".png", ".gz", ".mp4"].contains(ext)
    }
}

extension AdminRoutes {
    func registerExport(on router: Router<WorkbenchContext>) {
        router.get("/admin/export") { _, context -> Response in
            _ = try context.require(.admin)
            return .redirect(to: "/admin/export/all", type: .normal)
        }
        router.get("/admin/export/:scorecard") { _, context -> Response in
            let admin = try context.require(.admin)
            let name = context.parameters.get("scorecard") ?? ""
            let scorecard: String? = name == "all" ? nil : name
            if let scorecard, workbench.scorecard(scorecard) == nil { throw HTTPError(.notFound) }
            let bytes: [UInt8]
            do {
                bytes = try ExportFolder(workbench: workbench).zip(scorecard: scorecard)
            } catch ExportFolder.Failure.tooLarge {
                return refusal(context, workbench.pages.word("admin.export.too-large", context.language), status: .contentTooLarge)
            }
            try workbench.store.database.write { db in
                try WorkbenchStore.record(AuditEvent(applicationID: nil, actorID: admin.id, at: Date(), action: "export.downloaded",
                                                     subject: name), in: db)
            }
            return Response(status: .ok, headers: [.contentType: "application/zip",
                                                   .contentDisposition: "attachment; filename=\"parkscore-export-\(name).zip\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
