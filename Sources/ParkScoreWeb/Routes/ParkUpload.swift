import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body as the park's upload forms post it: its text fields and at most one file (the part
/// named `file`). Bounded: at most `maxParts` parts, text fields of at most `maxFieldBytes`; the body itself is bounded
/// by the route before it is read.
struct ParkUpload {
    var fields: [(name: String, value: String)] = []
    var fileName: String?
    var fileBytes: [UInt8] = []

    static let maxParts = 2_000
    static let maxFieldBytes = 64 << 10
    /// Bytes an upload form's fields and framing may add to its file.
    static let framingAllowance = 256 << 10

    enum Failure: Error {
        case notMultipart
        case malformed
    }

    func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...200).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// A `Content-Disposition` parameter (`name`, `filename`), unquoted.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }

    /// Parses `body` (whose content type is `contentType`).
    static func parse(_ body: ByteBuffer, contentType: String?) throws(Failure) -> ParkUpload {
        guard let boundary = boundary(contentType) else { throw .notMultipart }
        final class Collector {
            var upload = ParkUpload()
            var disposition = ""
            var body: [UInt8] = []
            var parts = 0
            var broken = false

            func complete() {
                parts += 1
                guard parts <= ParkUpload.maxParts, let name = ParkUpload.parameter("name", in: disposition) else {
                    broken = true
                    return
                }
                if name == "file", let file = ParkUpload.parameter("filename", in: disposition) {
                    upload.fileName = file
                    upload.fileBytes = body
                } else if body.count <= ParkUpload.maxFieldBytes, let text = String(validating: body, as: UTF8.self) {
                    upload.fields.append((name, text))
                } else {
                    broken = true
                }
                disposition = ""
                body = []
            }
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { collector.disposition = value }
        }
        parser.onBody = { buffer in
            collector.body += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        parser.onPartComplete = { collector.complete() }
        do {
            try parser.execute(body)
        } catch {
            throw .malformed
        }
        guard !collector.broken else { throw .malformed }
        return collector.upload
    }

    /// A file name as uploaded, made safe to show and to offer back: its last path segment, no control or bidi
    /// characters, at most 200 characters.
    static func cleanName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let scalars = last.unicodeScalars.filter { s in
            !(s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
              || (0x2066...0x2069).contains(s.value) || [0x2028, 0x2029, 0xFEFF].contains(s.value))
        }
        let cleaned = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        return String(cleaned.prefix(200))
    }

    /// `Content-Disposition: attachment` naming `name` (RFC 6266: an ASCII fallback and the UTF-8 name).
    static func attachment(_ name: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "download"
        let ascii = String(name.unicodeScalars.map { s -> Character in
            s.isASCII && s.value >= 0x20 && s != "\"" && s != "\\" && s != ";" ? Character(s) : "_"
        })
        return "attachment; filename=\"\(ascii.isEmpty ? "download" : ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
