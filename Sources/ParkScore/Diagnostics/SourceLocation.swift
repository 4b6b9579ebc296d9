/// Where something stands in an input file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The location `offset` characters (Unicode scalars) into `text`, when `text` starts here.
    public func advanced(by offset: Int, in text: String) -> SourceLocation {
        var result = self
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i >= offset { break }
            if scalar == "\n" {
                result.line += 1
                result.column = 1
            } else {
                result.column += 1
            }
        }
        return result
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
