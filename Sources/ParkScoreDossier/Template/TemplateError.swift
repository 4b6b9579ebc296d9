/// Why a template cannot be used, and where: 1-based line and column (in Unicode scalars) of the tag at fault,
/// or of the place the parser stopped.
public struct TemplateError: Error, Sendable, Equatable {
    public let message: String
    public let line: Int
    public let column: Int

    init(_ message: String, at index: String.Index, in text: String) {
        self.message = message
        var line = 1, column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }
}
