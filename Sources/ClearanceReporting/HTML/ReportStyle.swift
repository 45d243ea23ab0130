/// The audit report's style sheet, for other pages written in its style (the evidence package's `index.html`).
public enum ReportStyle {
    /// The CSS text.
    public static var css: String { HTMLStyleSheet.text }
}
