import ClearanceCore

extension CSVReader {
    /// Reads a file already loaded (a source's export), its cells located in that same file.
    public func read(_ file: SourceFile) throws(Diagnostic) -> CSVTable {
        try read(bytes: file.text, name: file.path)
    }
}
