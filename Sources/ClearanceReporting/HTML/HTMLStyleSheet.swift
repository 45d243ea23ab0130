/// The report's style sheet, inlined in the page: system fonts only, a restrained palette, a print layout
/// that expands every checklist, and the CSS-only filters (`:checked ~` selectors).
enum HTMLStyleSheet {
    /// The CSS text (a Mustache partial with no tags).
    static let text = #"""
    :root {
      --ink: #1b2533; --muted: #5d6877; --faint: #8a94a3; --line: #dde2e8; --soft-line: #eceff3;
      --page: #f3f5f8; --paper: #ffffff; --accent: #1d3a5c; --accent-soft: #e8eef6;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
      --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
    }
    .tone-pass { --tone: #2e7549; --tone-soft: #e6f2ea; }
    .tone-fail { --tone: #b3261e; --tone-soft: #fbe9e7; }
    .tone-error { --tone: #7a3391; --tone-soft: #f2e8f5; }
    .tone-waived { --tone: #a35d00; --tone-soft: #fcf0dc; }
    .tone-pending { --tone: #1f5fa8; --tone-soft: #e7f0fb; }
    .tone-skip { --tone: #8a94a3; --tone-soft: #eef0f3; }
    .tone-neutral { --tone: #1d3a5c; --tone-soft: #e8eef6; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--page); color: var(--ink); font: 14px/1.5 var(--sans); }
    code { font-family: var(--mono); font-size: 0.9em; }
    .wrap { max-width: 1240px; margin: 0 auto; padding: 0 32px; }
    .muted { color: var(--muted); }
    .nowrap { white-space: nowrap; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

    .masthead { background: var(--paper); border-top: 6px solid var(--accent); border-bottom: 1px solid var(--line); padding: 28px 0 24px; }
    .eyebrow { margin: 0; color: var(--accent); font-size: 12px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
    h1 { margin: 4px 0 2px; font-size: 30px; line-height: 1.2; font-weight: 700; letter-spacing: -0.01em; }
    .coverage { margin: 0; color: var(--muted); font-size: 15px; }
    .meta { display: flex; flex-wrap: wrap; gap: 10px 36px; margin: 18px 0 18px; }
    .meta div { min-width: 120px; }
    .meta dt, .evidence dt { color: var(--muted); font-size: 11.5px; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
    .meta dd { margin: 2px 0 0; font-size: 16px; font-weight: 600; }
    .verdict { display: flex; align-items: center; gap: 14px; padding: 14px 18px; border: 1px solid var(--tone); border-left-width: 6px;
      border-radius: 6px; background: var(--tone-soft); }
    .verdict p { margin: 0; font-size: 15.5px; }
    .verdict strong { color: var(--tone); }
    .verdict-mark { display: grid; place-items: center; flex: none; width: 30px; height: 30px; border-radius: 50%; background: var(--tone);
      color: #fff; font-size: 17px; font-weight: 700; }

    .toc { display: flex; flex-wrap: wrap; gap: 4px 22px; padding-top: 14px; padding-bottom: 2px; font-size: 13.5px; }
    .toc a { color: var(--accent); text-decoration: none; font-weight: 600; }
    .toc a:hover, .toc a:focus-visible { text-decoration: underline; }

    main { counter-reset: section; }
    section { margin: 18px 0; padding: 22px 26px 24px; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
    h2 { margin: 0 0 6px; font-size: 19px; line-height: 1.3; }
    h2::before { counter-increment: section; content: counter(section) "\2002"; color: var(--faint); font-weight: 600; }
    h3 { margin: 22px 0 8px; font-size: 16px; }
    h4 { margin: 0; font-size: 15px; }
    h5 { margin: 14px 0 4px; font-size: 13px; }
    .lede { margin: 0 0 14px; max-width: 78ch; color: var(--muted); }
    .group-summary { margin-left: 8px; color: var(--muted); font-size: 13px; font-weight: 400; }

    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(138px, 1fr)); gap: 12px; margin-top: 12px; }
    .card { padding: 12px 14px; border: 1px solid var(--line); border-top: 4px solid var(--tone); border-radius: 6px; }
    .card-value { font-size: 26px; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
    .card-label { margin-top: 2px; font-size: 12px; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; color: var(--tone); }
    .card-note { margin-top: 2px; color: var(--muted); font-size: 12px; line-height: 1.35; }

    .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0 0 6px; padding: 0; list-style: none; font-size: 12.5px; color: var(--muted); }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; border-radius: 2px; background: var(--tone); }
    .charts { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 32px; }
    .chart { margin: 0; }
    .chart + .chart { margin-top: 18px; }
    .chart figcaption { margin: 8px 0 6px; font-weight: 600; }
    .bars { width: 100%; border-collapse: collapse; }
    .bars thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .bars th { width: 36%; padding: 7px 14px 7px 0; text-align: left; font-weight: 500; vertical-align: top; line-height: 1.3; }
    .bars td { padding: 7px 0; vertical-align: top; }
    .bar-id { display: block; color: var(--faint); font: 11.5px var(--mono); }
    svg.bar { display: block; width: 100%; height: 14px; border-radius: 3px; overflow: hidden; }
    svg.bar .track { fill: #eef0f3; }
    svg.bar rect[class^="tone-"] { fill: var(--tone); }
    .bar-counts { margin-top: 3px; color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }

    table.data { width: 100%; border-collapse: collapse; font-size: 13.5px; }
    table.data th, table.data td { padding: 8px 10px; border-bottom: 1px solid var(--soft-line); text-align: left; vertical-align: top; }
    table.data thead th { border-bottom: 2px solid var(--line); color: var(--muted); font-size: 11.5px; font-weight: 600; letter-spacing: 0.05em;
      text-transform: uppercase; white-space: nowrap; }
    table.data tbody th { font-weight: 600; white-space: nowrap; }
    table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
    .controls td:nth-child(3) { width: 22%; }
    .controls td:last-child { width: 1%; white-space: nowrap; }
    .rule-list, .open-items, .checks { margin: 0; padding: 0; list-style: none; }
    .rule-list li { padding: 1px 0; }
    .control-title { display: block; font-weight: 400; font-size: 12px; color: var(--muted); }
    .uncovered h4 { margin: 14px 0 4px; }
    .uncovered p { margin: 0 0 6px; }
    .uncovered-list { margin: 6px 0 0; padding: 0; list-style: none; columns: 2 320px; font-size: 13px; }
    .uncovered-list li { padding: 1px 0; break-inside: avoid; }
    .uncovered-list code { color: var(--muted); }
    .rule-list code, .checks code { color: var(--muted); }
    .sev { display: inline-block; padding: 0 6px; border: 1px solid var(--line); border-radius: 9px; color: var(--muted); font-size: 11px; line-height: 16px; }
    .badge { display: inline-block; padding: 2px 9px; border-radius: 11px; background: var(--tone-soft); color: var(--tone); font-size: 12px;
      font-weight: 600; white-space: nowrap; }
    .mark { display: inline-grid; place-items: center; width: 17px; height: 17px; margin-right: 6px; border-radius: 4px; background: var(--tone);
      color: #fff; font-size: 11.5px; font-weight: 700; line-height: 1; vertical-align: -3px; }
    .tone-skip > .mark { background: var(--tone-soft); color: var(--muted); }

    .filter { position: absolute; opacity: 0; pointer-events: none; }
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 4px 0 6px; }
    .toolbar-label { color: var(--muted); font-size: 12.5px; margin-right: 2px; }
    .toolbar label { padding: 5px 12px; border: 1px solid var(--line); border-radius: 16px; cursor: pointer; font-size: 13px; font-weight: 600; }
    .toolbar .count { margin-left: 4px; color: var(--muted); font-weight: 400; }
    #show-all:checked ~ .toolbar label[for="show-all"], #show-attention:checked ~ .toolbar label[for="show-attention"],
    #show-clean:checked ~ .toolbar label[for="show-clean"] { border-color: var(--accent); background: var(--accent); color: #fff; }
    #show-all:checked ~ .toolbar label[for="show-all"] .count, #show-attention:checked ~ .toolbar label[for="show-attention"] .count,
    #show-clean:checked ~ .toolbar label[for="show-clean"] .count { color: #d8e2ee; }
    #show-all:focus-visible ~ .toolbar label[for="show-all"], #show-attention:focus-visible ~ .toolbar label[for="show-attention"],
    #show-clean:focus-visible ~ .toolbar label[for="show-clean"] { outline: 2px solid var(--accent); outline-offset: 2px; }
    #show-attention:checked ~ .subject-groups .subject.clean, #show-clean:checked ~ .subject-groups .subject.attention { display: none; }
    .subject.unmatched { display: none; }
    #subject-search { margin-left: auto; width: 280px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }

    .subject { margin: 10px 0; border: 1px solid var(--line); border-left: 4px solid #2e7549; border-radius: 6px; }
    .subject.attention { border-left-color: #b3261e; }
    .subject-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; padding: 10px 14px; }
    .subject-id { margin-left: 6px; color: var(--muted); font: 400 12.5px var(--mono); }
    .facts { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
    .status { display: inline-block; padding: 0 7px; border-radius: 9px; background: var(--accent-soft); color: var(--accent); font-size: 11.5px;
      font-weight: 600; line-height: 18px; }
    .subject-badges { display: flex; flex-direction: column; align-items: flex-end; gap: 4px; text-align: right; }
    .tally { color: var(--muted); font-size: 12.5px; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .open-items { border-top: 1px solid var(--soft-line); }
    .open-items li { display: flex; align-items: flex-start; padding: 8px 14px; border-bottom: 1px solid var(--soft-line); background: var(--tone-soft); }
    .open-items li:last-child { border-bottom: 0; }
    .open-items .mark { margin-top: 2px; }
    .open-items p { margin: 0; }
    .open-items .rule { font-weight: 600; }
    .where { color: var(--muted); font-size: 12.5px; }
    .waiver-note { color: #a35d00; font-weight: 600; }
    .checklist { border-top: 1px solid var(--soft-line); }
    .checklist summary { padding: 7px 14px; color: var(--accent); cursor: pointer; font-size: 13px; font-weight: 600; }
    .checklist summary code { color: var(--muted); font-weight: 400; }
    .checklist h5, .checklist .checks { margin-left: 14px; margin-right: 14px; }
    .checklist h5 .muted { margin-left: 4px; font-weight: 400; }
    .checklist .checks { columns: 2; column-gap: 28px; padding-bottom: 4px; }
    .checklist[open] { padding-bottom: 8px; }
    .checks li { padding: 2px 0; break-inside: avoid; font-size: 13px; }

    .evidence { display: grid; grid-template-columns: max-content 1fr; gap: 6px 22px; margin: 0 0 16px; }
    .evidence div { display: contents; }
    .evidence dt { padding-top: 2px; }
    .evidence dd { margin: 0; }
    .files td:nth-child(2) code { word-break: break-all; }
    code.digest { font-size: 11.5px; word-break: break-all; color: var(--muted); }
    footer { padding: 8px 32px 36px; color: var(--faint); font-size: 12px; }

    @media (max-width: 900px) {
      .wrap { padding: 0 16px; }
      .charts { grid-template-columns: 1fr; }
      .checklist .checks { columns: 1; }
      .subject-head { flex-direction: column; }
      .subject-badges { align-items: flex-start; text-align: left; }
      #subject-search { margin-left: 0; width: 100%; }
    }
    @media print {
      @page { margin: 14mm 12mm; }
      body { background: #fff; font-size: 11.5px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .wrap { max-width: none; padding: 0; }
      .masthead { padding: 0 0 14px; border-top-width: 4px; }
      .toc, .toolbar, .filter, #subject-search { display: none !important; }
      section { margin: 12px 0; padding: 0; border: 0; border-radius: 0; }
      h2 { break-after: avoid; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
      h3, h4, h5, figcaption { break-after: avoid; }
      .subject, .subject.clean, .subject.attention, .subject.unmatched { display: block !important; }
      .subject-head, tr, li, .card, .verdict { break-inside: avoid; }
      .charts { grid-template-columns: 1fr 1fr; gap: 20px; }
      .subject-head { flex-direction: row; }
      .subject-badges { align-items: flex-end; text-align: right; }
      .checklist .checks { columns: 2; }
      details::details-content { content-visibility: visible; display: block; }
      .checklist summary { list-style: none; }
      .checklist summary::-webkit-details-marker { display: none; }
      footer { padding: 8px 0 0; }
    }
    """#
}
