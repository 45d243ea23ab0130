/// The repeated pieces of the page, as Mustache partials: a chart and a framework's table (the checklists are
/// written by ``SubjectCardWriter``).
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
}
