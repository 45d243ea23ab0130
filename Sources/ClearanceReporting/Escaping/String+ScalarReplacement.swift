extension String {
    /// The string with every Unicode scalar for which `replacement` returns text replaced by that text.
    ///
    /// Works on scalars, not characters, so that the CR of a CR LF (one `Character`) is seen on its own.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { output += text } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }
}
