/// The page's Mustache template: header, summary, charts, framework tables, checklists, waivers, baseline, evidence.
///
/// Every value comes through `{{name}}`, which HTML-escapes it; the page never uses triple braces. The style sheet,
/// the script, the charts and the framework tables are partials (``HTMLPartialTemplates``); the checklists, one card per
/// subject and the bulk of a large page, are written at the `{{! checklists }}` line by ``SubjectCardWriter``.
enum HTMLPageTemplate {
    /// The line the checklists replace.
    static let checklistsLine = "{{! checklists }}\n"

    /// The template up to the checklists' line, and after it.
    static let halves: (head: String, tail: String) = {
        guard let line = text.firstRange(of: checklistsLine) else { return (text, "") }
        return (String(text[..<line.lowerBound]), String(text[line.upperBound...]))
    }()

    /// The template text.
    static let text = #"""
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="Clearance {{heading.version}}">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
    <title>Clearance audit report · {{heading.asOfDay}}</title>
    <style>
    {{> style}}
    </style>
    </head>
    <body>
    <header class="masthead">
      <div class="wrap">
        <p class="eyebrow">Clearance · security and compliance audit</p>
        <h1>Clearance audit report</h1>
        <p class="coverage">{{heading.coverage}}</p>
        <dl class="meta">
          <div><dt>As of</dt><dd>{{heading.asOfDay}}</dd></div>
          <div><dt>Fail-on threshold</dt><dd>{{heading.failOn}}</dd></div>
          <div><dt>Clearance version</dt><dd>{{heading.version}}</dd></div>
        </dl>
        <div class="verdict tone-{{heading.verdictTone}}">
          <span class="verdict-mark" aria-hidden="true">{{heading.verdictMark}}</span>
          <p><strong>{{heading.verdictTitle}}.</strong> {{heading.verdictText}}</p>
        </div>
      </div>
    </header>
    <nav class="toc wrap" aria-label="Sections">
      <a href="#summary">Summary</a>
      {{#history}}
      <a href="#history">Since the last run</a>
      {{/history}}
      <a href="#outcomes">Outcomes</a>
      <a href="#controls">Controls</a>
      <a href="#checklists">Checklists</a>
      <a href="#waivers">Waivers</a>
      {{#baseline}}
      <a href="#baseline">Baseline</a>
      {{/baseline}}
      <a href="#evidence">Evidence</a>
    </nav>
    <main class="wrap">
    <section id="summary">
      <h2>Summary</h2>
      <div class="cards">
        {{#cards}}
        <div class="card tone-{{cardTone}}">
          <div class="card-value">{{value}}</div>
          <div class="card-label">{{cardLabel}}</div>
          <div class="card-note">{{note}}</div>
        </div>
        {{/cards}}
      </div>
    </section>
    {{#history}}
    <section id="history">
      <h2>Since the last run</h2>
      <p class="lede">{{lede}}</p>
      <figure class="chart">
        <figcaption>Failing findings over the last runs</figcaption>
        <svg class="trend" viewBox="0 0 {{chartWidth}} {{chartHeight}}" width="{{chartWidth}}" height="{{chartHeight}}" style="display: block; max-width: 100%; height: auto" role="img" aria-label="{{chartSummary}}"><title>{{chartSummary}}</title>{{#bars}}<rect fill="#b3261e" x="{{x}}" y="{{y}}" width="40" height="{{barHeight}}"><title>{{title}}</title></rect><text x="{{labelX}}" y="{{countY}}" text-anchor="middle" font-size="11" fill="currentColor">{{failing}}</text><text x="{{labelX}}" y="134" text-anchor="middle" font-size="11" fill="currentColor">{{runName}}</text><text x="{{labelX}}" y="148" text-anchor="middle" font-size="9" fill="currentColor">{{day}}</text>{{/bars}}</svg>
        <table class="data trend">
          <thead><tr><th scope="col">Run</th><th scope="col">As of</th><th scope="col" class="num">Failing</th></tr></thead>
          <tbody>
            {{#bars}}
            <tr><td>{{runName}}</td><td><code>{{asOf}}</code></td><td class="num">{{failing}}</td></tr>
            {{/bars}}
          </tbody>
        </table>
      </figure>
      <h3>New since the last run <span class="group-summary">{{newCount}}</span></h3>
      {{#hasNew}}
      <table class="data history-new">
        <thead><tr><th scope="col">Rule</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Where</th><th scope="col">Finding</th></tr></thead>
        <tbody>
          {{#newFindings}}
          <tr><td><code>{{rule}}</code></td><td><code>{{subject}}</code>{{#element}} <span class="muted">{{.}}</span>{{/element}}</td><td>{{status}}</td><td>{{severity}}</td><td><code>{{location}}</code></td><td>{{message}}</td></tr>
          {{/newFindings}}
        </tbody>
      </table>
      {{/hasNew}}
      {{^hasNew}}
      <p class="lede">No finding needs attention that did not after the last run.</p>
      {{/hasNew}}
      <h3>Resolved since the last run <span class="group-summary">{{resolvedCount}}</span></h3>
      {{#hasResolved}}
      <table class="data history-resolved">
        <thead><tr><th scope="col">Rule</th><th scope="col">Subject</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col">Where</th><th scope="col">Finding</th></tr></thead>
        <tbody>
          {{#resolvedFindings}}
          <tr><td><code>{{rule}}</code></td><td><code>{{subject}}</code>{{#element}} <span class="muted">{{.}}</span>{{/element}}</td><td>{{status}} ({{severity}})</td><td>{{now}}</td><td><code>{{location}}</code></td><td>{{message}}</td></tr>
          {{/resolvedFindings}}
        </tbody>
      </table>
      {{/hasResolved}}
      {{^hasResolved}}
      <p class="lede">Every finding that needed attention after the last run still does.</p>
      {{/hasResolved}}
    </section>
    {{/history}}
    <section id="outcomes">
      <h2>Outcomes at a glance</h2>
      <p class="lede">Each bar is the findings of rules that applied (or, by framework, the controls): failures first, so they line up on the left; skipped (not applicable) findings are counted under the bar.</p>
      <ul class="legend" aria-label="Colour key">
        {{#legend}}
        <li><span class="swatch tone-{{legendTone}}" aria-hidden="true"></span>{{legendLabel}}</li>
        {{/legend}}
      </ul>
      <div class="charts">
        {{#chartColumns}}
        <div class="chart-column">
          {{#columnCharts}}
    {{> chart}}
          {{/columnCharts}}
        </div>
        {{/chartColumns}}
      </div>
    </section>
    <section id="controls">
      <h2>Controls by framework</h2>
      <p class="lede">A control fails when any finding of a rule evidencing it fails or cannot be evaluated; it is waived when its only failures are waived, passing when its rules pass, and not applicable when its rules only skipped. Under each framework whose table of controls was loaded, the controls it lists that no loaded rule evidences.</p>
      {{#frameworks}}
    {{> framework}}
      {{/frameworks}}
    </section>
    <section id="checklists">
      <h2>Checklists</h2>
      <p class="lede">One checklist per person, vendor and access manifest. Open items are listed with the file, line and column that caused them; the full checklist shows every rule, the pre-credentials gate first (cleared, blocked, breached or not applicable): ✓ met, ✗ not met, … pending (blocks credentials, not a violation), ! could not be evaluated, ~ waived, – not applicable.</p>
      <input class="filter" type="radio" name="show" id="show-all" checked>
      <input class="filter" type="radio" name="show" id="show-attention">
      <input class="filter" type="radio" name="show" id="show-clean">
      <div class="toolbar">
        <span class="toolbar-label">Show</span>
        <label for="show-all">All <span class="count">{{filters.all}}</span></label>
        <label for="show-attention">Needs attention <span class="count">{{filters.attention}}</span></label>
        <label for="show-clean">Clean <span class="count">{{filters.clean}}</span></label>
        <input type="search" id="subject-search" placeholder="Filter by name, id, title or city" aria-label="Filter checklists by text" hidden>
      </div>
      <div class="subject-groups">
    {{! checklists }}
      </div>
    </section>
    <section id="waivers">
      <h2>Waivers</h2>
      {{#hasWaivers}}
      <p class="lede">A live waiver turns its rule's failing findings for its subject into waived until the end of its expiry day (UTC); an expired waiver waives nothing and is itself reported as failing.</p>
      <table class="data">
        <thead><tr><th scope="col">Waiver</th><th scope="col">Rule</th><th scope="col">Subject</th><th scope="col">Justification</th><th scope="col">Approved by</th><th scope="col">Expires</th><th scope="col">Status</th></tr></thead>
        <tbody>
          {{#waivers}}
          <tr>
            <td><strong>{{waiverID}}</strong><div class="where"><code>{{location}}</code></div></td>
            <td><code>{{rule}}</code>{{#ruleName}}<div class="muted">{{.}}</div>{{/ruleName}}</td>
            <td><code>{{subject}}</code></td>
            <td>{{justification}}</td>
            <td>{{approvedBy}}</td>
            <td class="nowrap">{{expires}}</td>
            <td><span class="badge tone-{{tone}}">{{state}}</span><div class="muted">{{stateNote}}</div></td>
          </tr>
          {{/waivers}}
        </tbody>
      </table>
      {{/hasWaivers}}
      {{^hasWaivers}}
      <p class="lede">No waivers were read.</p>
      {{/hasWaivers}}
    </section>
    {{#baseline}}
    <section id="baseline">
      <h2>Baseline</h2>
      <p class="lede">Failing findings compared with the accepted baseline: only new ones fail the run.</p>
      <div class="cards">
        <div class="card tone-fail"><div class="card-value">{{newCount}}</div><div class="card-label">New</div><div class="card-note">failing, not in the baseline</div></div>
        <div class="card tone-waived"><div class="card-value">{{unchangedCount}}</div><div class="card-label">Unchanged</div><div class="card-note">failing, accepted by the baseline</div></div>
        <div class="card tone-pass"><div class="card-value">{{resolvedCount}}</div><div class="card-label">Resolved</div><div class="card-note">in the baseline, no longer failing</div></div>
      </div>
      {{#hasResolved}}
      <table class="data">
        <thead><tr><th scope="col">Rule</th><th scope="col">Subject</th><th scope="col">Resolved finding</th></tr></thead>
        <tbody>
          {{#resolved}}
          <tr><td><code>{{resolvedRule}}</code></td><td><code>{{resolvedSubject}}</code>{{#resolvedElement}} <span class="muted">{{.}}</span>{{/resolvedElement}}</td><td>{{resolvedMessage}}</td></tr>
          {{/resolved}}
        </tbody>
      </table>
      {{/hasResolved}}
    </section>
    {{/baseline}}
    <section id="evidence">
      <h2>Evidence</h2>
      <p class="lede">What this report was computed from. Recompute a digest with <code>sha256sum PATH</code> to show a file is the one checked.</p>
      <dl class="evidence">
        <div><dt>As of</dt><dd><code>{{evidence.asOf}}</code></dd></div>
        <div><dt>Clearance version</dt><dd><code>{{evidence.version}}</code></dd></div>
        <div><dt>Fail-on threshold</dt><dd><code>{{evidence.failOn}}</code></dd></div>
        <div><dt>Command line</dt><dd><code>{{evidence.commandLine}}</code></dd></div>
        <div><dt>Files read</dt><dd>{{evidence.fileSummary}}</dd></div>
      </dl>
      <table class="data files">
        <thead><tr><th scope="col">Role</th><th scope="col">File</th><th scope="col" class="num">Bytes</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>
          {{#evidence.files}}
          <tr><td>{{role}}</td><td><code>{{path}}</code></td><td class="num">{{size}}</td><td><code class="digest">{{sha256}}</code></td></tr>
          {{/evidence.files}}
        </tbody>
      </table>
      {{#evidence.hasSources}}
      <h3>Sources</h3>
      <table class="data sources">
        <thead><tr><th scope="col">Export</th><th scope="col">Format</th><th scope="col">System</th><th scope="col">Generated</th><th scope="col" class="num">Records</th><th scope="col">Links</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>
          {{#evidence.sources}}
          <tr><td><code>{{file}}</code></td><td><code>{{format}}</code></td><td>{{system}}</td><td><code>{{generatedAt}}</code></td><td class="num">{{records}}</td><td>{{links}}</td><td><code class="digest">{{sha256}}</code></td></tr>
          {{/evidence.sources}}
        </tbody>
      </table>
      {{/evidence.hasSources}}
      <h3>Packs and settings</h3>
      <table class="data packs">
        <thead><tr><th scope="col">Pack</th><th scope="col">Version</th><th scope="col">File</th></tr></thead>
        <tbody>
          {{#evidence.packs}}
          <tr><td><code>{{id}}</code></td><td>{{version}}</td><td><code>{{file}}</code></td></tr>
          {{/evidence.packs}}
        </tbody>
      </table>
      <table class="data settings">
        <thead><tr><th scope="col">Pack</th><th scope="col">Param</th><th scope="col">Value</th><th scope="col">Set in</th></tr></thead>
        <tbody>
          {{#evidence.settings}}
          <tr><td><code>{{pack}}</code></td><td><code>{{name}}</code><div class="muted">{{description}}</div></td><td><code>{{value}}</code></td><td>{{origin}}</td></tr>
          {{/evidence.settings}}
        </tbody>
      </table>
      {{#evidence.hasOverrides}}
      <table class="data overrides">
        <thead><tr><th scope="col">Rule</th><th scope="col">Change</th><th scope="col">State</th><th scope="col">Justification</th><th scope="col">Approved by</th><th scope="col">Until</th><th scope="col">Set in</th></tr></thead>
        <tbody>
          {{#evidence.overrides}}
          <tr><td><code>{{rule}}</code></td><td>{{change}}</td><td>{{state}}</td><td>{{justification}}</td><td>{{approvedBy}}</td><td>{{expires}}</td><td><code>{{location}}</code></td></tr>
          {{/evidence.overrides}}
        </tbody>
      </table>
      {{/evidence.hasOverrides}}
    </section>
    </main>
    <footer class="wrap">Clearance {{heading.version}} · as of {{heading.asOfStamp}} · this file is self-contained and loads nothing from the network.</footer>
    <script>
    {{> script}}
    </script>
    </body>
    </html>

    """#
}
