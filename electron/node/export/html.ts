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

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      let html = lines(r.text);
      if (r.code) html = `<code>${html}</code>`;
      if (r.italic) html = `<em>${html}</em>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function flowHtml(flow: Flow): string {
  switch (flow.kind) {
    case 'p':
      return `<p>${runsHtml(flow.runs)}</p>`;
    case 'h':
      return `<p class="note-heading note-h${Math.min(flow.level, 3)}">${runsHtml(flow.runs)}</p>`;
    case 'list': {
      const tag = flow.ordered ? 'ol' : 'ul';
      const start = flow.ordered && flow.start !== 1 ? ` start="${flow.start}"` : '';
      return `<${tag}${start}>${flow.items.map((item) => `<li>${item.map(flowHtml).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table class="grid note-table"><thead><tr>${flow.head.map((h) => `<th scope="col">${runsHtml(h)}</th>`).join('')}</tr></thead><tbody>${flow.rows
        .map((row) => `<tr>${row.map((c) => `<td>${runsHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'quote':
      return `<blockquote>${flow.flows.map(flowHtml).join('')}</blockquote>`;
    case 'code':
      return `<pre>${escapeHtml(flow.text)}</pre>`;
    case 'rule':
      return '<hr>';
  }
}

function pieceHtml(piece: Piece): string {
  switch (piece.kind) {
    case 'heading':
      return `<h2>${lines(piece.text)}</h2>`;
    case 'subheading':
      return piece.level === 1 ? `<h3>${lines(piece.text)}</h3>` : `<h4>${lines(piece.text)}</h4>`;
    case 'paragraph':
      return `<p>${lines(piece.text)}</p>`;
    case 'flow':
      return flowHtml(piece.flow);
    case 'fact':
      return `<p class="fact"><span class="label">${lines(piece.label)}</span> ${lines(piece.value)}</p>`;
    case 'clause':
      return `<div class="clause level-${Math.min(piece.level, 3)}"><p><span class="number">${escapeHtml(piece.number)}</span> ${lines(piece.text)}</p>${piece.position ? `<p class="position">${lines(piece.position)}</p>` : ''}</div>`;
    case 'item':
      return `<div class="item"><p class="item-title"><span class="number">${escapeHtml(piece.number)}</span> ${lines(piece.title)}</p>${piece.facts
        .map(
          (f) =>
            `<p class="fact"><span class="label">${lines(f.label)}</span> ${lines(f.value)}</p>`,
        )
        .join(
          '',
        )}${piece.list ? `<p class="fact"><span class="label">${lines(piece.list.label)}</span></p><ul>${piece.list.items.map((i) => `<li>${lines(i)}</li>`).join('')}</ul>` : ''}</div>`;
  }
}

function tableHtml(table: PlannedTable): string {
  const cols = table.widths
    .map((w) => `<col width="${((100 * w) / TEXT_WIDTH).toFixed(1)}%">`)
    .join('');
  const cell = (value: string | string[]) =>
    Array.isArray(value)
      ? value.length
        ? `<ul>${value.map((v) => `<li>${lines(v)}</li>`).join('')}</ul>`
        : ''
      : lines(value);
  return `<table class="grid"><colgroup>${cols}</colgroup><thead><tr>${table.headers
    .map((h) => `<th scope="col">${lines(h)}</th>`)
    .join('')}</tr></thead><tbody>${table.rows
    .map((row) => `<tr>${row.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function unitHtml(unit: Unit): string {
  switch (unit.kind) {
    case 'piece':
      return pieceHtml(unit.piece);
    case 'facts':
      return `<table class="facts">${unit.rows
        .map(
          (r) =>
            `<tr><th scope="row">${lines(r.label)}</th><td class="colon">:</td><td>${lines(r.value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'table':
      return tableHtml(unit.table);
    case 'pair':
      return `<tr><td lang="id">${unit.id ? pieceHtml(unit.id) : ''}</td><td lang="en">${unit.en ? pieceHtml(unit.en) : ''}</td></tr>`;
  }
}

/** Letterhead, title, number and addressee, in the document's language(s). */
function headHtml(brief: Brief, languages: BriefLanguage[], o: RenderOptions): string {
  const first = languages[0] ?? 'id';
  const out: string[] = [];
  const kop = brief.letterhead;
  if (kop) {
    out.push(
      `<header class="kop">${kop.logo ? `<img class="logo" src="${escapeHtml(kop.logo)}" alt="">` : ''}<div class="kop-text">${kop.lines
        .map((line, i) => `<p class="kop-line kop-line-${i}">${lines(side(line, first, o))}</p>`)
        .join(
          '',
        )}${side(kop.address, first, o).trim() ? `<p class="kop-address">${lines(side(kop.address, first, o))}</p>` : ''}</div></header>`,
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
      `<div class="addressee">${each(
        (l) =>
          `<p lang="${l}"${l !== first ? ' class="second"' : ''}>${lines(`${brief.addresseeLabel[l]} ${side(brief.addressee ?? brief.title, l, o)}`)}</p>`,
      )}</div>`,
    );
  }
  return out.join('\n');
}

/** Place and date, then the signers, row by row so captions, names and NIPs line up. */
function closingHtml(brief: Brief, languages: BriefLanguage[], o: RenderOptions): string {
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
  return `<div class="closing"><table class="signatures"><colgroup><col width="50%"><col width="50%"></colgroup><tbody>${rows.join('')}</tbody></table></div>`;
}

function documentHtml(brief: Brief, o: RenderOptions): string {
  const languages = languagesOf(o);
  const parts = planBody(brief, o);
  if (languages.length === 2 && o.layout === 'sequential') {
    return parts
      .map((part) => {
        const l = part.language ?? 'id';
        return `<article class="brief" lang="${l}">${headHtml(brief, [l], o)}${part.units.map(unitHtml).join('\n')}${closingHtml(brief, [l], o)}</article>`;
      })
      .join('\n<hr class="language">\n');
  }
  const body = parts
    .map((part) =>
      part.language
        ? part.units.map(unitHtml).join('\n')
        : `<table class="pair"><colgroup><col width="50%"><col width="50%"></colgroup><thead><tr><th scope="col" lang="id">${escapeHtml(brief.languageNames.id)}</th><th scope="col" lang="en">${escapeHtml(brief.languageNames.en)}</th></tr></thead><tbody>${part.units.map(unitHtml).join('\n')}</tbody></table>`,
    )
    .join('\n');
  return `<article class="brief${languages.length === 2 ? ' parallel' : ''}" lang="${languages[0] ?? 'id'}">${headHtml(brief, languages, o)}${body}${closingHtml(brief, languages, o)}</article>`;
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
  return documentHtml(brief, options);
}

/** One self-contained page (styles inline, no scripts, no remote content) that prints as A4. */
export function renderHtml(brief: Brief, options: RenderOptions): string {
  const languages = languagesOf(options);
  const title = escapeHtml(languages.map((l) => side(brief.title, l, options)).join(' / '));
  return `<!doctype html>
<html lang="${languages[0] ?? 'id'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${documentHtml(brief, options)}
</body>
</html>
`;
}

/** The same rules, for the app's preview (which cannot take an inline stylesheet). */
export const PREVIEW_STYLE = STYLE;
