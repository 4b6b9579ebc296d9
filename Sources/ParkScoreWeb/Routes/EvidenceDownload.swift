import Foundation
import Hummingbird
import ParkScoreIO

/// One evidence file as every desk serves it: always a download, of no type a browser would run
/// (`application/octet-stream`, nosniff), never from a path a user chose. The name offered is the uploaded one,
/// percent-encoded (RFC 6266 / 5987); the plain fallback is the evidence id with the uploaded name's plain extension.
enum EvidenceDownload {
    static func response(_ file: EvidenceRecord, blobs: EvidenceBlobs) throws -> Response {
        guard let bytes = blobs.read(file.sha256) else { throw HTTPError(.notFound) }
        let name = file.originalName.isEmpty ? SourceFile.name(of: file.path) : file.originalName
        return Response(status: .ok, headers: [.contentType: "application/octet-stream",
                                               .contentDisposition: attachment(name, fallback: file.evidenceID),
                                               .xContentTypeOptions: "nosniff"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `attachment; filename="<fallback><ext>"; filename*=UTF-8''<name, percent-encoded>`.
    static func attachment(_ name: String, fallback: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let plain = EvidenceRecord.isValidID(fallback) ? fallback : "evidence"
        let encoded = String(name.prefix(200)).addingPercentEncoding(withAllowedCharacters: allowed) ?? plain
        return "attachment; filename=\"\(plain)\(EvidenceRecord.safeExtension(name))\"; filename*=UTF-8''\(encoded)"
    }
}
