import ParkScore
import ParkYAML

/// Works out the sha256 of each evidence file of a self-report and the report's new bytes with every missing or stale
/// sha256 written in: the value replaced where it stands, or a `sha256:` line added under the entry's `file:`. Every
/// other byte of the file stays as it was (comments, quoting, line breaks, a byte-order mark). A file that cannot be
/// hashed (missing, outside the application folder, too large) is reported and its entry left alone. The new bytes are
/// parsed again and must give exactly the hashes computed, or nothing is changed.
public struct EvidenceHashFill: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// The recorded sha256 matches the file (in either case): left as written.
        case unchanged
        /// No sha256 was recorded: this one is written in.
        case added(String)
        /// The recorded sha256 does not match the file: replaced.
        case replaced(old: String, new: String)
        /// The file could not be hashed: the entry is left alone.
        case refused(Message)
    }

    public struct Entry: Sendable, Hashable {
        public var id: String
        public var file: String
        public var outcome: Outcome
    }

    public var entries: [Entry] = []
    /// The report's bytes with the hashes filled in (the same bytes when nothing changes).
    public var bytes: [UInt8]

    public var changed: Bool { entries.contains { if case .added = $0.outcome { true } else if case .replaced = $0.outcome { true } else { false } } }

    /// The fill of `file`'s evidence, with a diagnostic for each entry that cannot be filled; nil value when the report
    /// cannot be read as YAML or has no evidence list to fill.
    public static func plan(_ file: SourceFile, evidence source: any EvidenceSource) -> Loaded<EvidenceHashFill> {
        var out = Loaded<EvidenceHashFill>(value: nil, diagnostics: [], sources: [file])
        let root: Node
        switch file.yamlDocument() {
        case .failure(let d):
            out.diagnostics = [d]
            return out
        case .success(let node): root = node
        }
        let decoder = DocumentDecoder(file: file.path)
        guard let pairs = root.mapping else {
            out.diagnostics = [.error(Message("evidence.fill.not-mapping", [], parts: [decoder.kind(root)]), at: decoder.location(root))]
            return out
        }
        guard let list = pairs.first(where: { $0.key.hasText("evidence") })?.value, let items = list.sequence else {
            out.diagnostics = [.error(Message("evidence.fill.no-list"), at: decoder.location(root))]
            return out
        }
        let text = SourceText(file.bytes)
        var fill = EvidenceHashFill(bytes: file.bytes)
        var edits: [(offset: Int, remove: Int, insert: [UInt8])] = []
        var expected: [Int: String] = [:]
        for (index, item) in items.enumerated() {
            let path = "evidence[\(index)]"
            guard let fields = item.mapping else {
                out.diagnostics.append(.error(Message("evidence.fill.entry-not-mapping", [], parts: [decoder.kind(item)]), at: decoder.location(item), path: path))
                continue
            }
            func field(_ name: String) -> Node.Pair? { fields.first { $0.key.hasText(name) } }
            let id = field("id")?.value.scalar?.text ?? "#\(index + 1)"
            guard let filePair = field("file"), let fileName = filePair.value.scalar?.string else {
                out.diagnostics.append(.error(Message("evidence.fill.no-file", id), at: decoder.location(item), path: path))
                continue
            }
            func refuse(_ why: Message, at node: Node) {
                fill.entries.append(Entry(id: id, file: fileName, outcome: .refused(why)))
                out.diagnostics.append(.error(Message(DiagnosticCode.sha256NotFilled, [id], parts: [why]), at: decoder.location(node), path: path))
            }
            let check = source.fingerprint(fileName)
            guard check.state == .verified, let actual = check.sha256 else {
                refuse(check.problem ?? Message("evidence.file.unreadable", fileName), at: filePair.value)
                continue
            }
            if let shaPair = field("sha256") {
                let value = shaPair.value
                if let scalar = value.scalar, !scalar.isNull || !scalar.text.isEmpty {
                    if scalar.text.lowercased() == actual {
                        fill.entries.append(Entry(id: id, file: fileName, outcome: .unchanged))
                        expected[index] = scalar.text
                        continue
                    }
                    guard let span = text.span(of: value) else {
                        refuse(Message("evidence.fill.sha256-not-on-its-line"), at: value)
                        continue
                    }
                    edits.append((span.lowerBound, span.count, Array(actual.utf8)))
                    fill.entries.append(Entry(id: id, file: fileName, outcome: scalar.isNull ? .added(actual) : .replaced(old: scalar.text, new: actual)))
                } else if value.scalar?.isNull == true, let colon = text.colon(after: shaPair.key) {
                    // `sha256:` left empty: the value goes after the colon.
                    edits.append((colon + 1, 0, Array((" " + actual).utf8)))
                    fill.entries.append(Entry(id: id, file: fileName, outcome: .added(actual)))
                } else {
                    refuse(Message("evidence.fill.sha256-not-single"), at: value)
                    continue
                }
            } else if let insertion = text.insertion(after: filePair, in: item, value: actual) {
                edits.append((insertion.offset, 0, insertion.bytes))
                fill.entries.append(Entry(id: id, file: fileName, outcome: .added(actual)))
            } else {
                refuse(Message("evidence.fill.file-not-on-its-line"), at: filePair.value)
                continue
            }
            expected[index] = actual
        }
        // Applied from the end, so that earlier offsets stay true.
        var bytes = file.bytes
        for edit in edits.sorted(by: { $0.offset > $1.offset }) {
            bytes.replaceSubrange(edit.offset..<(edit.offset + edit.remove), with: edit.insert)
        }
        // The new text must read as the old one did, with exactly the hashes computed.
        if !edits.isEmpty {
            let reread = SourceFile(path: file.path, bytes: bytes).yamlDocument()
            guard case .success(let node) = reread, node.mapping != nil,
                  let newItems = node.mapping?.first(where: { $0.key.hasText("evidence") })?.value.sequence, newItems.count == items.count,
                  expected.allSatisfy({ index, hash in
                      newItems[index].mapping?.first(where: { $0.key.hasText("sha256") })?.value.scalar?.text == hash
                  })
            else {
                out.diagnostics.append(.error(Message("evidence.fill.would-change"), at: decoder.location(list)))
                return out
            }
        }
        fill.bytes = bytes
        out.value = fill
        return out
    }
}

/// Byte offsets of the places libyaml marks (line and column in characters), in a file's bytes.
private struct SourceText {
    let bytes: [UInt8]
    /// Where line 1, column 1 is: after a UTF-8 byte-order mark, which libyaml does not count.
    let start: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The length of the line break at `i` (LF, CRLF, CR, NEL, LS, PS: where libyaml breaks lines), or 0.
    func lineBreak(at i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// The byte offset of a mark; nil when the file is shorter.
    func offset(_ mark: Mark) -> Int? {
        var i = start, line = 1
        while line < mark.line {
            guard i < bytes.count else { return nil }
            let n = lineBreak(at: i)
            if n > 0 {
                i += n
                line += 1
            } else {
                i += 1
            }
        }
        var column = 1
        while column < mark.column {
            guard i < bytes.count, lineBreak(at: i) == 0 else { return nil }
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    /// The bytes of a scalar's text (inside its quotes, if quoted), when it is written on one line exactly as read:
    /// plain, or quoted with nothing escaped.
    func span(of node: Node) -> Range<Int>? {
        guard let scalar = node.scalar, node.anchorMark == nil, let at = offset(node.mark) else { return nil }
        let text = Array(scalar.text.utf8)
        guard !text.contains(0x0A), !text.contains(0x0D) else { return nil }
        var first = at
        switch scalar.style {
        case .plain: break
        case .singleQuoted, .doubleQuoted:
            let quote: UInt8 = scalar.style == .singleQuoted ? 0x27 : 0x22
            guard first < bytes.count, bytes[first] == quote else { return nil }
            first += 1
            guard first + text.count < bytes.count, bytes[first + text.count] == quote else { return nil }
        case .literal, .folded: return nil
        }
        guard first + text.count <= bytes.count, Array(bytes[first..<(first + text.count)]) == text else { return nil }
        return first..<(first + text.count)
    }

    /// The offset of the `:` after a plain key written on one line.
    func colon(after key: Node) -> Int? {
        guard let span = span(of: key) else { return nil }
        var i = span.upperBound
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        return i < bytes.count && bytes[i] == 0x3A ? i : nil
    }

    /// Where and what to insert for a `sha256:` entry after the `file` pair of an evidence entry: in a flow mapping,
    /// `, sha256: …` after the file's value; in a block mapping, a line of its own below, indented as `file:` is.
    func insertion(after file: Node.Pair, in entry: Node, value: String) -> (offset: Int, bytes: [UInt8])? {
        guard let valueSpan = span(of: file.value), let keyOffset = offset(file.key.mark), let entryOffset = offset(entry.mark) else { return nil }
        if entryOffset < bytes.count && bytes[entryOffset] == 0x7B {  // `{`: a flow mapping
            let end = file.value.scalar?.style == .plain ? valueSpan.upperBound : valueSpan.upperBound + 1
            return (end, Array(", sha256: \(value)".utf8))
        }
        // The end of the file value's line, and the line break it ends with (a last line without one gets LF).
        var end = valueSpan.upperBound
        while end < bytes.count && lineBreak(at: end) == 0 { end += 1 }
        let lineBreak = end < bytes.count ? Array(bytes[end..<(end + self.lineBreak(at: end))]) : [0x0A]
        let indent = [UInt8](repeating: 0x20, count: file.key.mark.column - 1)
        _ = keyOffset
        return (end, lineBreak + indent + Array("sha256: \(value)".utf8))
    }
}
