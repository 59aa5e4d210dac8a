import type { Brief, BriefLanguage, Signer } from './brief';
import { planBody, TEXT_WIDTH } from './document-plan';
import type { Piece, PlannedTable, Unit } from './document-plan';
import { DOCUMENT_FONT } from './fonts';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';
import type { Flow, Run } from './rich-text';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Every text a delegate typed goes through here: nothing they write becomes markup. */
export const escapeHtml = (text: string) =>
  // Most texts have nothing to escape: they are returned as they are, without a new string.
  /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : text;
const lines = (text: string) =>
  text.includes('\n') ? escapeHtml(text).replace(/\n/g, '<br>') : escapeHtml(text);

/**
 * The document is written into one array of strings and joined once at the end: a tree of
 * nested template strings and joins made the engine copy every note several times over (each
 * join flattens what the one below it built).
 */
type Out = string[];

function runsHtml(out: Out, runs: Run[]): void {
  for (const r of runs) {
    if (r.bold) out.push('<strong>');
    if (r.italic) out.push('<em>');
    if (r.code) out.push('<code>');
    out.push(lines(r.text));
    if (r.code) out.push('</code>');
    if (r.italic) out.push('</em>');
    if (r.bold) out.push('</strong>');
  }
}

function flowHtml(out: Out, flow: Flow): void {
  switch (flow.kind) {
    case 'p':
      out.push('<p>');
      runsHtml(out, flow.runs);
      out.push('</p>');
      return;
    case 'h':
      out.push(`<p class="note-heading note-h${Math.min(flow.level, 3)}">`);
      runsHtml(out, flow.runs);
      out.push('</p>');
      return;
    case 'list': {
      const tag = flow.ordered ? 'ol' : 'ul';
      out.push(`<${tag}${flow.ordered && flow.start !== 1 ? ` start="${flow.start}"` : ''}>`);
      for (const item of flow.items) {
        out.push('<li>');
        for (const child of item) flowHtml(out, child);
        out.push('</li>');
      }
      out.push(`</${tag}>`);
      return;
    }
    case 'table':
      out.push('<table class="grid note-table"><thead><tr>');
      for (const h of flow.head) {
        out.push('<th scope="col">');
        runsHtml(out, h);
        out.push('</th>');
      }
      out.push('</tr></thead><tbody>');
      for (const row of flow.rows) {
        out.push('<tr>');
        for (const c of row) {
          out.push('<td>');
          runsHtml(out, c);
          out.push('</td>');
        }
        out.push('</tr>');
      }
      out.push('</tbody></table>');
      return;
    case 'quote':
      out.push('<blockquote>');
      for (const f of flow.flows) flowHtml(out, f);
      out.push('</blockquote>');
      return;
    case 'code':
      out.push('<pre>', escapeHtml(flow.text), '</pre>');
      return;
    case 'rule':
      out.push('<hr>');
  }
}

/**
 * A note's flows, as HTML, kept by the flow they were made from: the plan hands out the same
 * flow objects for the same text (document-plan's `richPieces`), so a note is set once however
 * often the preview and the exports render it, and its HTML is one string in the output.
 */
const flowsMade = new WeakMap<Flow, string>();

function cachedFlowHtml(out: Out, flow: Flow): void {
  let html = flowsMade.get(flow);
  if (html === undefined) {
    const own: Out = [];
    flowHtml(own, flow);
    html = own.join('');
    flowsMade.set(flow, html);
  }
  out.push(html);
}

const factHtml = (out: Out, label: string, value: string) =>
  out.push('<p class="fact"><span class="label">', lines(label), '</span> ', lines(value), '</p>');

function pieceHtml(out: Out, piece: Piece): void {
  switch (piece.kind) {
    case 'heading':
      out.push('<h2>', lines(piece.text), '</h2>');
      return;
    case 'subheading': {
      const tag = piece.level === 1 ? 'h3' : 'h4';
      out.push(`<${tag}>`, lines(piece.text), `</${tag}>`);
      return;
    }
    case 'paragraph':
      out.push('<p>', lines(piece.text), '</p>');
      return;
    case 'flow':
      cachedFlowHtml(out, piece.flow);
      return;
    case 'fact':
      factHtml(out, piece.label, piece.value);
      return;
    case 'clause':
      out.push(
        `<div class="clause level-${Math.min(piece.level, 3)}"><p><span class="number">`,
        escapeHtml(piece.number),
        '</span> ',
        lines(piece.text),
        '</p>',
      );
      if (piece.position) out.push('<p class="position">', lines(piece.position), '</p>');
      out.push('</div>');
      return;
    case 'item':
      out.push(
        '<div class="item"><p class="item-title"><span class="number">',
        escapeHtml(piece.number),
        '</span> ',
        lines(piece.title),
        '</p>',
      );
      for (const f of piece.facts) factHtml(out, f.label, f.value);
      if (piece.list) {
        out.push(
          '<p class="fact"><span class="label">',
          lines(piece.list.label),
          '</span></p><ul>',
        );
        for (const i of piece.list.items) out.push('<li>', lines(i), '</li>');
        out.push('</ul>');
      }
      out.push('</div>');
  }
}

function tableHtml(out: Out, table: PlannedTable): void {
  out.push('<table class="grid"><colgroup>');
  for (const w of table.widths) out.push(`<col width="${((100 * w) / TEXT_WIDTH).toFixed(1)}%">`);
  out.push('</colgroup><thead><tr>');
  for (const h of table.headers) out.push('<th scope="col">', lines(h), '</th>');
  out.push('</tr></thead><tbody>');
  for (const row of table.rows) {
    out.push('<tr>');
    for (const c of row) {
      out.push('<td>');
      if (!Array.isArray(c)) out.push(lines(c));
      else if (c.length) {
        out.push('<ul>');
        for (const v of c) out.push('<li>', lines(v), '</li>');
        out.push('</ul>');
      }
      out.push('</td>');
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
}

function unitHtml(out: Out, unit: Unit): void {
  switch (unit.kind) {
    case 'piece':
      pieceHtml(out, unit.piece);
      return;
    case 'facts':
      out.push('<table class="facts">');
      for (const r of unit.rows) {
        out.push(
          '<tr><th scope="row">',
          lines(r.label),
          '</th><td class="colon">:</td><td>',
          lines(r.value),
          '</td></tr>',
        );
      }
      out.push('</table>');
      return;
    case 'table':
      tableHtml(out, unit.table);
      return;
    case 'pair':
      out.push('<tr><td lang="id">');
      if (unit.id) pieceHtml(out, unit.id);
      out.push('</td><td lang="en">');
      if (unit.en) pieceHtml(out, unit.en);
      out.push('</td></tr>');
  }
}

/** The units one to a line. */
function unitsHtml(out: Out, units: Unit[]): void {
  units.forEach((unit, i) => {
    if (i) out.push('\n');
    unitHtml(out, unit);
  });
}

/** Letterhead, title, number and addressee, in the document's language(s). */
function headHtml(out: Out, brief: Brief, languages: BriefLanguage[], o: RenderOptions): void {
  const first = languages[0] ?? 'id';
  const kop = brief.letterhead;
  if (kop) {
    out.push(
      `<header class="kop">${kop.logo ? `<img class="logo" src="${escapeHtml(kop.logo)}" alt="">` : ''}<div class="kop-text">${kop.lines
        .map((line, i) => `<p class="kop-line kop-line-${i}">${lines(side(line, first, o))}</p>`)
        .join(
          '',
        )}${side(kop.address, first, o).trim() ? `<p class="kop-address">${lines(side(kop.address, first, o))}</p>` : ''}</div></header>`,
      '\n',
    );
  }
  const each = (make: (l: BriefLanguage) => string) => languages.map(make).join('');
  out.push(
    `<div class="title-block">${each(
      (l) =>
        `<h1 lang="${l}"${l !== first ? ' class="second"' : ''}>${lines(side(brief.title, l, o))}</h1>`,
    )}${brief.number ? each((l) => `<p class="number" lang="${l}"${l !== first ? ' hidden' : ''}>${lines(side(brief.number ?? brief.title, l, o))}</p>`) : ''}${each(
      (l) =>
        `<p class="subtitle${l !== first ? ' second' : ''}" lang="${l}">${lines(side(brief.subtitle, l, o))}</p>`,
    )}</div>`,
  );
  if (brief.addressee) {
    out.push(
      '\n',
      `<div class="addressee">${each(
        (l) =>
          `<p lang="${l}"${l !== first ? ' class="second"' : ''}>${lines(`${brief.addresseeLabel[l]} ${side(brief.addressee ?? brief.title, l, o)}`)}</p>`,
      )}</div>`,
    );
  }
}

/** Place and date, then the signers, row by row so captions, names and NIPs line up. */
function closingHtml(out: Out, brief: Brief, languages: BriefLanguage[], o: RenderOptions): void {
  const signers = brief.closing.signers;
  const texts = (text: (l: BriefLanguage) => string) =>
    languages
      .map((l, i) => `<p lang="${l}"${i ? ' class="second"' : ''}>${lines(text(l))}</p>`)
      .join('');
  const row = (left: string, right: string, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td>${left}</td><td>${right}</td></tr>`;
  const rows = [
    row(
      '',
      texts((l) => side(brief.closing.placeDate, l, o)),
    ),
  ];
  // The first signer reports and signs on the right under the place and date; the others
  // (who acknowledge) sign to the left, two to a row.
  for (let k = 0; k < signers.length; k += 2) {
    const pair = [signers[k + 1], signers[k]];
    const cells = (make: (s: Signer) => string) => pair.map((s) => (s ? make(s) : ''));
    const [l1 = '', r1 = ''] = cells(
      (s) => texts((l) => side(s.caption, l, o)) + texts((l) => side(s.position, l, o)),
    );
    const [l2 = '', r2 = ''] = cells((s) => `<p class="name">${escapeHtml(s.name)}</p>`);
    const [l3 = '', r3 = ''] = cells((s) =>
      s.nip ? `<p>${escapeHtml(`${brief.nipLabel[languages[0] ?? 'id']} ${s.nip}`)}</p>` : '',
    );
    rows.push(row(l1, r1), row('', '', 'sign-space'), row(l2, r2), row(l3, r3));
  }
  out.push(
    `<div class="closing"><table class="signatures"><colgroup><col width="50%"><col width="50%"></colgroup><tbody>${rows.join('')}</tbody></table></div>`,
  );
}

function documentHtml(out: Out, brief: Brief, o: RenderOptions): void {
  const languages = languagesOf(o);
  const parts = planBody(brief, o);
  if (languages.length === 2 && o.layout === 'sequential') {
    parts.forEach((part, i) => {
      const l = part.language ?? 'id';
      if (i) out.push('\n<hr class="language">\n');
      out.push(`<article class="brief" lang="${l}">`);
      headHtml(out, brief, [l], o);
      unitsHtml(out, part.units);
      closingHtml(out, brief, [l], o);
      out.push('</article>');
    });
    return;
  }
  out.push(
    `<article class="brief${languages.length === 2 ? ' parallel' : ''}" lang="${languages[0] ?? 'id'}">`,
  );
  headHtml(out, brief, languages, o);
  parts.forEach((part, i) => {
    if (i) out.push('\n');
    if (part.language) {
      unitsHtml(out, part.units);
      return;
    }
    out.push(
      `<table class="pair"><colgroup><col width="50%"><col width="50%"></colgroup><thead><tr><th scope="col" lang="id">${escapeHtml(brief.languageNames.id)}</th><th scope="col" lang="en">${escapeHtml(brief.languageNames.en)}</th></tr></thead><tbody>`,
    );
    unitsHtml(out, part.units);
    out.push('</tbody></table>');
  });
  closingHtml(out, brief, languages, o);
  out.push('</article>');
}

const STYLE = `
body { margin: 0; background: #f3f3f1; }
.brief { box-sizing: content-box; font-family: ${DOCUMENT_FONT.css}; color: #111; background: #fff; font-size: 11pt; line-height: 1.4; max-width: 16.5cm; margin: 1.5rem auto; padding: 2cm 2cm 2cm 2.5cm; }
.brief h1, .brief h2, .brief h3, .brief h4 { font-family: inherit; color: inherit; letter-spacing: normal; }
.brief p { margin: 0 0 0.45em; }
.brief .kop { display: grid; grid-template-columns: 2.2cm 1fr 2.2cm; align-items: center; border-bottom: 3px double #111; padding-bottom: 0.35em; margin-bottom: 1.2em; }
.brief .kop .logo { grid-column: 1; max-width: 2cm; max-height: 2.2cm; }
.brief .kop-text { grid-column: 2; text-align: center; }
.brief .kop-text p { margin: 0; font-weight: 700; font-size: 12pt; text-transform: uppercase; line-height: 1.25; }
.brief .kop-text p.kop-line-0 { font-size: 13pt; }
.brief .kop-text p.kop-address { font-weight: 400; font-size: 9pt; text-transform: none; }
.brief .title-block { text-align: center; margin-bottom: 1.2em; }
.brief h1 { font-size: 12pt; font-weight: 700; text-decoration: underline; margin: 0; letter-spacing: 0.02em; }
.brief h1.second, .brief .second { font-style: italic; font-weight: 400; color: #333; }
.brief h1.second { text-decoration: none; font-size: 11pt; }
.brief .title-block .number, .brief .title-block .subtitle { margin: 0.1em 0 0; }
.brief .addressee { margin-bottom: 1em; }
.brief h2 { font-size: 11pt; font-weight: 700; margin: 1.1em 0 0.4em; break-after: avoid; }
.brief h3 { font-size: 11pt; font-weight: 700; margin: 0.9em 0 0.35em; break-after: avoid; }
.brief h4 { font-size: 11pt; font-weight: 700; font-style: italic; margin: 0.8em 0 0.3em; break-after: avoid; }
.brief .note-heading { font-weight: 700; break-after: avoid; }
.brief ul, .brief ol { margin: 0 0 0.45em; padding-left: 1.6em; }
.brief li > p { margin: 0 0 0.2em; }
.brief blockquote { margin: 0 0 0.45em 1em; padding-left: 0.6em; border-left: 2px solid #999; }
.brief pre { font-family: "Courier New", monospace; font-size: 9.5pt; white-space: pre-wrap; }
.brief table { border-collapse: collapse; width: 100%; margin: 0 0 0.7em; table-layout: fixed; }
.brief tr { break-inside: avoid; }
.brief th, .brief td { text-align: left; vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: none; }
.brief table.grid th, .brief table.grid td { border: 0.75pt solid #444; padding: 3pt 4pt; font-size: 9.5pt; }
.brief table.grid th { background: #ececec; }
.brief table.grid ul { padding-left: 1.1em; margin: 0; }
.brief table.facts th { width: 32%; font-weight: 400; padding: 0 0.3em 0.25em 0; }
.brief table.facts td.colon { width: 1em; }
.brief table.facts td { padding: 0 0 0.25em; }
.brief table.pair > thead th { font-size: 9pt; font-weight: 700; color: #444; border-bottom: 0.75pt solid #444; padding: 0 0 2pt; }
.brief table.pair > tbody > tr > td { padding: 0 7pt 0 0; }
.brief table.pair > tbody > tr > td + td, .brief table.pair > thead th + th { padding-left: 7pt; border-left: 0.75pt solid #999; }
.brief .fact .label { font-weight: 700; }
.brief .fact .label::after { content: ":"; }
.brief .clause { display: block; margin: 0; padding: 0; border: 0; border-radius: 0; background: none; }
.brief .clause p { margin: 0 0 0.2em; }
.brief .clause .number { font-weight: 700; display: inline-block; min-width: 2.2em; }
.brief .clause.level-1 { margin-left: 1.5em; } .brief .clause.level-2 { margin-left: 3em; } .brief .clause.level-3 { margin-left: 4.5em; }
.brief .clause .position { font-style: italic; margin-left: 2.2em; }
.brief .item { margin-bottom: 0.6em; }
.brief .item-title { font-weight: 700; }
.brief .item .fact, .brief .item ul { margin-left: 1.6em; }
.brief .closing { break-inside: avoid; margin-top: 1.6em; }
.brief table.signatures td { padding: 0 0.5em 0 0; }
.brief table.signatures p { margin: 0; }
.brief table.signatures tr.sign-space td { height: 4.5em; }
.brief table.signatures .name { font-weight: 700; text-decoration: underline; }
hr.language { border: 0; break-after: page; }
@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }
@media print { body { background: #fff; } .brief { margin: 0; padding: 0; max-width: none; } }
`;

/** The brief as an HTML fragment, for the preview inside the app (its styles are the app's). */
export function renderHtmlFragment(brief: Brief, options: RenderOptions): string {
  const out: Out = [];
  documentHtml(out, brief, options);
  return out.join('');
}

/** One self-contained page (styles inline, no scripts, no remote content) that prints as A4. */
export function renderHtml(brief: Brief, options: RenderOptions): string {
  const languages = languagesOf(options);
  const title = escapeHtml(languages.map((l) => side(brief.title, l, options)).join(' / '));
  const out: Out = [
    `<!doctype html>
<html lang="${languages[0] ?? 'id'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
`,
  ];
  documentHtml(out, brief, options);
  out.push('\n</body>\n</html>\n');
  return out.join('');
}

/** The same rules, for the app's preview (which cannot take an inline stylesheet). */
export const PREVIEW_STYLE = STYLE;
