extension String {
    /// The string with every Unicode scalar for which `replacement` returns text replaced by that text.
    ///
    /// Works on scalars, not characters, so that the CR of a CR LF (one `Character`) is seen on its own.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        let scalars = unicodeScalars
        var output: String?
        // The scalars since the last one replaced are copied as one run, and a string with none to replace is returned as it is.
        var run = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if let text = replacement(scalars[index]) {
                if output == nil { output = String(); output?.reserveCapacity(utf8.count + text.utf8.count) }
                output? += String(scalars[run..<index])
                output? += text
                run = next
            }
            index = next
        }
        guard var output else { return self }
        output += String(scalars[run...])
        return output
    }
}
