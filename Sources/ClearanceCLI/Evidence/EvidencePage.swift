import ClearanceCore
import ClearanceHistory
import ClearanceReporting

/// The evidence package as one self-contained HTML page (`index.html`) in the audit report's style; every value from
/// the inputs or the history is escaped.
enum EvidencePage {
    /// The page's text.
    static func html(_ package: EvidencePackage) -> String {
        let period = "\(package.period.fromText) to \(package.period.toText)"
        let rows = package.revocations
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Clearance \(ClearanceCommand.version)">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Clearance evidence · \(e(period))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <header class="masthead">
              <div class="wrap">
                <p class="eyebrow">Clearance · evidence package</p>
                <h1>Evidence for \(e(period))</h1>
                <p class="coverage">Leavers and the revocation of their access, access reviews due and done, a sample, and the runs relied on.</p>
                <dl class="meta">
                  <div><dt>As of</dt><dd>\(e(package.asOf.rfc3339))</dd></div>
                  <div><dt>Revocation window</dt><dd>\(e(package.settings.revocationWindow))</dd></div>
                  <div><dt>History</dt><dd>\(e(package.history == nil ? "none: observed times unavailable" : package.historyName))</dd></div>
                  <div><dt>Sample seed</dt><dd>\(package.sample.seed)</dd></div>
                </dl>
                <div class="cards">
                  \(card(package.leavers.count, "leavers", "neutral"))
                  \(card(rows.filter { $0.within == .yes }.count, "systems within window", "pass"))
                  \(card(rows.filter { $0.within == .no && $0.isRevoked }.count, "revoked late", "fail"))
                  \(card(rows.filter { !$0.isRevoked }.count, "not revoked", "fail"))
                  \(card(package.reviews.rows.filter { $0.status == "missed" }.count, "reviews missed", "waived"))
                </div>
              </div>
            </header>
            <main class="wrap">

            """
        page += section("Leavers", "Everyone whose exit falls in the period, from the member files and the HR export (leavers.csv).",
                        ["Leaver", "Name", "Exit", "From", "Shown by", "Systems", "Not revoked"],
                        package.leavers.map { leaver in
                            let own = package.revocations(of: leaver)
                            return [leaver.key, leaver.name, leaver.exit?.rfc3339 ?? "not recorded", leaver.exitBasis ?? "", leaver.shownBy.joined(separator: ", "),
                                    String(own.count), String(own.filter { !$0.isRevoked }.count)]
                        })
        page += section("Revocations", "For each leaver and system: the revocation observed in the history (preferred) or declared in the member file, "
                            + "hours after exit, and whether within \(package.settings.revocationWindow) (revocations.csv).",
                        ["Leaver", "System", "Exit", "Revoked", "Basis", "Hours", "Within", "Shown by", "Note"],
                        rows.map { row in
                            [row.leaver, row.system, row.exit?.rfc3339 ?? "", row.revokedAt?.rfc3339 ?? "not revoked", row.basis.rawValue, row.hoursText,
                             row.within.rawValue, row.observedRun.map { "run \($0): \(row.observedSource ?? "")" } ?? "", row.note]
                        })
        page += section("Access reviews", "Each review period of each cadence, counted from the start of the period: grants held through it, and "
                            + "whether the member file shows a review in it (reviews.csv lists each grant).",
                        ["Cadence", "Period start", "Period end", "Due", "Done", "Missed", "Not shown"],
                        package.reviews.periods.map { period in
                            [period.cadence, period.start.rfc3339, period.end.rfc3339, String(period.due), String(period.done), String(period.missed),
                             String(period.notShown)]
                        })
        page += section("Sample", "\(package.sample.drawn.count) of \(package.sample.population) leavers drawn with seed \(package.sample.seed); "
                            + "the same seed draws the same sample (sample.csv).",
                        ["Draw", "Leaver", "Name", "Exit"],
                        package.sampledLeavers.enumerated().map { draw, leaver in [String(draw + 1), leaver.key, leaver.name, leaver.exit?.rfc3339 ?? ""] })
        page += section("Runs and files relied on", "Each recorded run evaluated in the period or showing a revocation, with every file it read "
                            + "and its SHA-256; then the files read for this package (runs.csv).",
                        ["Run", "As of", "File", "Role", "SHA-256"],
                        package.runs.flatMap { run in
                            package.files(ofRun: run.id).map { [String(run.id), run.asOf, $0.path, $0.role, $0.sha256] }
                        } + package.inputs.map { ["current", package.asOf.rfc3339, $0.path, $0.role, $0.sha256] })
        page += """
            </main>
            <footer class="wrap">Clearance \(ClearanceCommand.version) · as of \(e(package.asOf.rfc3339)) · leavers.csv, revocations.csv, reviews.csv, sample.csv, runs.csv and evidence.json hold the same evidence · this file loads nothing from the network.</footer>
            </body>
            </html>

            """
        return page
    }

    /// Escaped text.
    static func e(_ text: String) -> String { XMLEscaping.text(text) }

    /// A summary card.
    static func card(_ value: Int, _ label: String, _ tone: String) -> String {
        "<div class=\"card tone-\(tone)\"><div class=\"card-value\">\(value)</div><div class=\"card-label\">\(e(label))</div></div>"
    }

    /// A section with a heading, a lede and a table (or a line saying there is nothing).
    static func section(_ title: String, _ lede: String, _ header: [String], _ rows: [[String]]) -> String {
        var text = "<section>\n<h2>\(e(title))</h2>\n<p class=\"lede\">\(e(lede))</p>\n"
        guard !rows.isEmpty else { return text + "<p class=\"muted\">None.</p>\n</section>\n" }
        text += "<table class=\"data\">\n<thead><tr>" + header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { text += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
        return text + "</tbody>\n</table>\n</section>\n"
    }
}
