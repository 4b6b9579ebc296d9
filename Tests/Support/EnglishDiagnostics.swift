import ParkScore

extension Diagnostic {
    /// The diagnostic as the English catalogue words it, without its code: for tests that compare whole diagnostics
    /// with the English they expect.
    public var english: Diagnostic { Diagnostic(severity, TestCatalogue.en.text(of: self), at: location, path: path) }
}

extension Array where Element == Diagnostic {
    public var english: [Diagnostic] { map(\.english) }
}
