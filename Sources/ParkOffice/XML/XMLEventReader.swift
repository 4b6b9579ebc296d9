import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a part's reader is told as the XML is parsed: elements by their local name (any namespace prefix dropped, on
/// attributes too), and text. A handler throws (an `OfficeReadError`) to stop the parse.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String]) throws
    func end(_ name: String) throws
    func text(_ text: String) throws
}

/// Foundation's XMLParser with the limits an untrusted part needs: a document type declaration (the only way to
/// declare an entity, internal or external) is refused before the parser sees a byte, and so is a part that is not
/// UTF-8; nesting and each text's length are bounded while parsing, and the parse stops at the first refusal.
enum XMLEventReader {
    static func parse(_ bytes: [UInt8], part: String, limits: XMLLimits, handler: XMLEventHandler) throws {
        try screen(bytes, part: part)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(part: part, limits: limits, handler: handler, parser: parser)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.failure { throw error }
        guard ok else { throw OfficeReadError.malformedXML(part: part, line: max(1, parser.lineNumber)) }
    }

    /// Refuses `<!DOCTYPE` and `<!ENTITY` anywhere, and a part in UTF-16 or UTF-32 (a byte-order mark, or a NUL byte:
    /// such a part would hide its markup from this check).
    static func screen(_ bytes: [UInt8], part: String) throws {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { throw OfficeReadError.notUTF8(part: part) }
        let doctype = Array("DOCTYPE".utf8), entity = Array("ENTITY".utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 { throw OfficeReadError.notUTF8(part: part) }
            if b == 0x3C, i + 1 < n, bytes[i + 1] == 0x21 {
                if matches(bytes, at: i + 2, doctype) || matches(bytes, at: i + 2, entity) {
                    throw OfficeReadError.documentType(part: part)
                }
            }
            i += 1
        }
    }

    private static func matches(_ bytes: [UInt8], at start: Int, _ word: [UInt8]) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for (k, w) in word.enumerated() where bytes[start + k] & 0xDF != w { return false }
        return true
    }

    /// `x:c` → `c`.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let part: String
        let limits: XMLLimits
        let handler: XMLEventHandler
        weak var parser: XMLParser?
        var failure: OfficeReadError?
        var depth = 0
        /// Characters of the text being delivered, since the last element started or ended.
        var textLength = 0

        init(part: String, limits: XMLLimits, handler: XMLEventHandler, parser: XMLParser) {
            self.part = part
            self.limits = limits
            self.handler = handler
            self.parser = parser
        }

        func stop(_ error: Error) {
            guard failure == nil else { return }
            failure = (error as? OfficeReadError) ?? .malformedXML(part: part, line: parser?.lineNumber ?? 1)
            parser?.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            guard failure == nil else { return }
            depth += 1
            textLength = 0
            guard depth <= limits.maxDepth else { return stop(OfficeReadError.tooDeep(part: part, limit: limits.maxDepth)) }
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict where !key.hasPrefix("xmlns") {
                attributes[XMLEventReader.local(key)] = value
            }
            do { try handler.start(XMLEventReader.local(elementName), attributes) } catch { stop(error) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard failure == nil else { return }
            depth -= 1
            textLength = 0
            do { try handler.end(XMLEventReader.local(elementName)) } catch { stop(error) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil else { return }
            textLength += string.utf16.count
            guard textLength <= limits.maxTextCharacters else {
                return stop(OfficeReadError.textTooLong(part: part, limit: limits.maxTextCharacters))
            }
            do { try handler.text(string) } catch { stop(error) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failure == nil { failure = .malformedXML(part: part, line: max(1, parser.lineNumber)) }
        }
    }
}
