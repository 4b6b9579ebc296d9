import CYAML

/// libyaml's raw events for a text, written in the test suite's `test.event` notation, or nil when
/// libyaml refuses the text. Used to decide which cases libyaml itself handles.
public enum LibyamlEvents {
    public static func dump(_ bytes: [UInt8]) -> [String]? {
        bytes.withUnsafeBufferPointer { buffer -> [String]? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var lines: [String] = []
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let type = event.type
                lines.append(line(event))
                yaml_event_delete(&event)
                if type == YAML_STREAM_END_EVENT { return lines }
            }
        }
    }

    private static func props(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?) -> String {
        var s = ""
        if let anchor { s += " &" + String(cString: anchor) }
        if let tag { s += " <" + String(cString: tag) + ">" }
        return s
    }

    private static func line(_ e: yaml_event_t) -> String {
        switch e.type {
        case YAML_STREAM_START_EVENT: return "+STR"
        case YAML_STREAM_END_EVENT: return "-STR"
        case YAML_DOCUMENT_START_EVENT: return e.data.document_start.implicit == 1 ? "+DOC" : "+DOC ---"
        case YAML_DOCUMENT_END_EVENT: return e.data.document_end.implicit == 1 ? "-DOC" : "-DOC ..."
        case YAML_MAPPING_START_EVENT:
            let m = e.data.mapping_start
            return "+MAP" + (m.style == YAML_FLOW_MAPPING_STYLE ? " {}" : "") + props(anchor: m.anchor, tag: m.tag)
        case YAML_MAPPING_END_EVENT: return "-MAP"
        case YAML_SEQUENCE_START_EVENT:
            let s = e.data.sequence_start
            return "+SEQ" + (s.style == YAML_FLOW_SEQUENCE_STYLE ? " []" : "") + props(anchor: s.anchor, tag: s.tag)
        case YAML_SEQUENCE_END_EVENT: return "-SEQ"
        case YAML_ALIAS_EVENT: return "=ALI *" + String(cString: e.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            let s = e.data.scalar
            let style: String
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = "'"
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = "\""
            case YAML_LITERAL_SCALAR_STYLE: style = "|"
            case YAML_FOLDED_SCALAR_STYLE: style = ">"
            default: style = ":"
            }
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
            var escaped = ""
            for ch in text.unicodeScalars {
                switch ch {
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                case "\r": escaped += "\\r"
                case "\u{8}": escaped += "\\b"
                case "\0": escaped += "\\0"
                default: escaped.unicodeScalars.append(ch)
                }
            }
            return "=VAL" + props(anchor: s.anchor, tag: s.tag) + " " + style + escaped
        default: return "?"
        }
    }
}
