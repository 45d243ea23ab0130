/// The repeated pieces of the page, as Mustache partials: a chart, a framework's table, a subject's checklist.
///
/// Like the page, they print every value through `{{name}}`, which HTML-escapes it. Each is indented as it
/// sits in the page, whose partial tags stand at the start of their lines.
enum HTMLPartialTemplates {
    /// One chart (an ``OutcomeChart``): a table whose rows hold a label, an SVG bar and the counts in words.
    static let chart = #"""
            <figure class="chart">
              <figcaption>{{caption}}</figcaption>
              <table class="bars">
                <thead><tr><th scope="col">{{rowHeader}}</th><th scope="col">Outcomes</th></tr></thead>
                <tbody>
                  {{#rows}}
                  <tr>
                    <th scope="row">{{label}}{{#sublabel}}<span class="bar-id">{{.}}</span>{{/sublabel}}</th>
                    <td>
                      <svg class="bar" viewBox="0 0 1000 14" preserveAspectRatio="none" role="img" aria-label="{{summary}}"><title>{{summary}}</title><rect class="track" x="0" y="0" width="1000" height="14"/>{{#segments}}<rect class="tone-{{tone}}" x="{{x}}" y="0" width="{{width}}" height="14"><title>{{title}}</title></rect>{{/segments}}</svg>
                      <div class="bar-counts">{{counts}}</div>
                    </td>
                  </tr>
                  {{/rows}}
                </tbody>
              </table>
            </figure>

    """#

    /// One framework (a ``FrameworkTable``): each control, the rules evidencing it, their findings and the status, then the
    /// controls of its loaded table that no rule covers.
    static let framework = #"""
      <div class="framework" id="framework-{{framework}}">
        <h3>{{title}} <span class="group-summary">{{summary}}</span></h3>
        {{#hasControls}}
        <table class="data controls">
          <thead><tr><th scope="col">Control</th><th scope="col">Rules evidencing it</th><th scope="col">Findings</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {{#controls}}
            <tr>
              <th scope="row"><code>{{control}}</code>{{#hasControlTitle}} <span class="control-title">{{controlTitle}}</span>{{/hasControlTitle}}</th>
              <td>
                <ul class="rule-list">
                  {{#rules}}
                  <li class="tone-{{mark.tone}}"><span class="mark" aria-hidden="true">{{mark.symbol}}</span><span class="visually-hidden">{{mark.label}}:</span> <code>{{ruleID}}</code> {{ruleTitle}} <span class="sev">{{ruleSeverity}}</span></li>
                  {{/rules}}
                </ul>
              </td>
              <td class="muted">{{counts}}</td>
              <td><span class="badge tone-{{tone}}">{{status}}</span></td>
            </tr>
            {{/controls}}
          </tbody>
        </table>
        {{/hasControls}}
        {{^hasControls}}
        <p class="muted">No loaded rule evidences a control of this framework.</p>
        {{/hasControls}}
        {{#coverage}}
        <div class="uncovered">
          <h4>Controls no rule covers <span class="group-summary">{{uncoveredSummary}}</span></h4>
          <p class="muted">{{scopeText}}</p>
          {{#hasUncovered}}
          <details>
            <summary>The controls</summary>
            <ul class="uncovered-list">
              {{#uncovered}}
              <li><code>{{id}}</code> {{title}}</li>
              {{/uncovered}}
            </ul>
          </details>
          {{/hasUncovered}}
        </div>
        {{/coverage}}
      </div>

    """#

    /// One subject (a ``SubjectChecklist``): who, the gate verdict, open items, and the full checklist in a `<details>`.
    static let subject = #"""
          <article class="subject {{state}}" id="{{anchor}}" data-search="{{search}}">
            <header class="subject-head">
              <div>
                <h4>{{displayName}}{{#showID}} <span class="subject-id">{{subjectID}}</span>{{/showID}}</h4>
                <p class="facts">{{#statusLabel}}<span class="status">{{.}}</span> {{/statusLabel}}{{facts}}</p>
              </div>
              <div class="subject-badges">
                {{#gate}}
                <span class="badge tone-{{gateTone}}">{{gateLabel}}</span>
                {{/gate}}
                <span class="tally" title="{{tallyWords}}">{{tally}}</span>
              </div>
            </header>
            {{#hasOpenItems}}
            <ul class="open-items">
              {{#openItems}}
              <li class="tone-{{mark.tone}}">
                <span class="mark" aria-hidden="true">{{mark.symbol}}</span>
                <div>
                  <p><span class="visually-hidden">{{mark.label}}:</span> <code class="rule">{{ruleID}}</code> <span class="sev">{{severity}}</span> {{message}}</p>
                  <p class="where"><code>{{location}}</code>{{#element}} · <code>{{.}}</code>{{/element}} · {{ruleTitle}}{{#waiverNote}} · <span class="waiver-note">{{.}}</span>{{/waiverNote}}</p>
                </div>
              </li>
              {{/openItems}}
            </ul>
            {{/hasOpenItems}}
            <details class="checklist">
              <summary>Full checklist · {{ruleCount}} rules{{#accountCount}} · {{.}}{{/accountCount}}{{#deviceCount}} · {{.}}{{/deviceCount}} · <code>{{file}}</code></summary>
              {{#sections}}
              <h5>{{heading}}{{#sectionNote}} <span class="muted">{{.}}</span>{{/sectionNote}}</h5>
              <ul class="checks">
                {{#checks}}
                <li class="tone-{{mark.tone}}"><span class="mark" aria-hidden="true">{{mark.symbol}}</span><span class="visually-hidden">{{mark.label}}:</span> <code>{{checkID}}</code> {{checkTitle}}{{#scope}} <span class="muted">({{.}})</span>{{/scope}}</li>
                {{/checks}}
              </ul>
              {{/sections}}
              {{#hasAccounts}}
              <h5>Accounts observed in the sources</h5>
              <table class="data accounts">
                <thead><tr><th scope="col">System</th><th scope="col">Account</th><th scope="col">Status</th><th scope="col">MFA</th><th scope="col">Last seen</th><th scope="col">Record</th></tr></thead>
                <tbody>
                  {{#accounts}}
                  <tr><td>{{system}}</td><td><code>{{name}}</code>{{#privileged}} <span class="muted">administrator</span>{{/privileged}}</td><td>{{status}}</td><td>{{mfa}}</td><td>{{lastSeen}}</td><td><code>{{location}}</code></td></tr>
                  {{/accounts}}
                </tbody>
              </table>
              {{/hasAccounts}}
              {{#hasDevices}}
              <h5>Devices observed in the sources</h5>
              <table class="data devices">
                <thead><tr><th scope="col">System</th><th scope="col">Device</th><th scope="col">State</th><th scope="col">OS version</th><th scope="col">Last check-in</th><th scope="col">Record</th></tr></thead>
                <tbody>
                  {{#devices}}
                  <tr><td>{{system}}</td><td><code>{{label}}</code>{{#personal}} <span class="muted">personal</span>{{/personal}}</td><td>{{state}}</td><td>{{osVersion}}</td><td>{{lastCheckin}}</td><td><code>{{location}}</code></td></tr>
                  {{/devices}}
                </tbody>
              </table>
              {{/hasDevices}}
            </details>
          </article>

    """#
}
