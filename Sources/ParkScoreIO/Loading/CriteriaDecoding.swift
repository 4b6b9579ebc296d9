import ParkScore
import ParkYAML

/// What the fact dictionary and scorecard loaders say: coded messages (`dictionary.*`, `scorecard-file.*`), worded by
/// the catalogue (Templates/messages/*/criteria.yaml).
extension DocumentDecoder {
    /// A coded error at `node`.
    func error(_ message: Message, on node: Node, _ path: KeyPath) {
        add(.error(message, at: location(node), path: path.description.isEmpty ? nil : path.description))
    }

    /// What was written at `node`, for a message to quote as `{m1}`: `text 'x'`, `integer 3`, `a list`.
    static func written(_ node: Node) -> Message {
        switch node.content {
        case .scalar(let s):
            switch s.kind {
            case .null: return Message("scorecard-file.written.empty")
            case .string: return Message("scorecard-file.written.text", s.text)
            case .bool: return Message("scorecard-file.written.boolean", s.text)
            case .int: return Message("scorecard-file.written.integer", s.text)
            case .float: return Message("scorecard-file.written.number", s.text)
            }
        case .sequence: return Message("scorecard-file.written.list")
        case .mapping: return Message("scorecard-file.written.mapping")
        }
    }
}
