import type { Block, Brief, BriefLanguage } from './brief';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
const lines = (text: string) => escape(text).replace(/\n/g, '<br>');

function block(b: Block, l: BriefLanguage, o: RenderOptions): string {
  const s = (text: Parameters<typeof side>[0]) => lines(side(text, l, o));
  switch (b.kind) {
    case 'paragraph':
      return `<p>${s(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${s(i)}</li>`).join('')}</ul>`;
    case 'facts':
      return `<table class="facts">${b.rows.map((r) => `<tr><th scope="row">${s(r.label)}</th><td>${s(r.value)}</td></tr>`).join('')}</table>`;
    case 'clauses':
      return `<ol class="clauses">${b.items
        .map(
          (c) =>
            `<li class="level-${c.level}"><span class="number">${escape(c.number || '—')}</span> ${s(c.text)}${c.position ? `<div class="position">${s(c.position)}</div>` : ''}</li>`,
        )
        .join('')}</ol>`;
    case 'table':
      return `<table class="grid"><thead><tr>${b.headers.map((h) => `<th scope="col">${s(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((c) => `<td>${s(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'signature':
      return `<div class="signature"><p>${s(b.placeDate)}</p><p class="name">${escape(b.name)}</p><p>${s(b.position)}</p></div>`;
  }
}

function body(brief: Brief, languages: BriefLanguage[], o: RenderOptions): string {
  const cols = (make: (l: BriefLanguage) => string) =>
    languages.length > 1
      ? `<div class="parallel">${languages.map((l) => `<div lang="${l}">${make(l)}</div>`).join('')}</div>`
      : make(languages[0] ?? 'id');
  const parts = [
    cols(
      (l) =>
        `<h1>${lines(side(brief.title, l, o))}</h1><p class="subtitle">${lines(side(brief.subtitle, l, o))}</p>`,
    ),
  ];
  for (const section of brief.sections) {
    if (section.heading.id || section.heading.en)
      parts.push(cols((l) => `<h2>${lines(side(section.heading, l, o))}</h2>`));
    for (const b of section.blocks) parts.push(cols((l) => block(b, l, o)));
  }
  return parts.join('\n');
}

const STYLE = `
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1d2321; margin: 2rem auto; max-width: 60rem; padding: 0 1.5rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #ccc; }
.subtitle { color: #4d5753; margin-top: 0; }
.parallel { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; }
table.grid th, table.grid td { border: 1px solid #bbb; font-size: 0.9rem; } table.facts th { width: 30%; color: #4d5753; }
ol.clauses { list-style: none; padding: 0; } ol.clauses li { margin: 0.4rem 0; } .number { font-weight: 700; }
.level-1 { margin-left: 1.5rem !important; } .level-2 { margin-left: 3rem !important; } .position { font-style: italic; color: #1f5f5b; }
.signature { margin-top: 2rem; } .signature .name { margin-top: 3rem; font-weight: 700; text-decoration: underline; }
hr.language { page-break-after: always; border: 0; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
`;

/** The brief as an HTML fragment, for the preview inside the app (which has its own styles). */
export function renderHtmlFragment(brief: Brief, options: RenderOptions): string {
  const languages = languagesOf(options);
  return options.language === 'both' && options.layout === 'sequential'
    ? languages
        .map((l) => `<section lang="${l}">${body(brief, [l], options)}</section>`)
        .join('<hr class="language">')
    : body(brief, languages, options);
}

/** One self-contained page (styles inline, no scripts, no remote content) that prints well. */
export function renderHtml(brief: Brief, options: RenderOptions): string {
  const languages = languagesOf(options);
  const content =
    options.language === 'both' && options.layout === 'sequential'
      ? languages
          .map((l) => `<section lang="${l}">${body(brief, [l], options)}</section>`)
          .join('<hr class="language">')
      : body(brief, languages, options);
  const title = escape(languages.map((l) => side(brief.title, l, options)).join(' / '));
  return `<!doctype html>
<html lang="${languages[0] ?? 'id'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${content}
</body>
</html>
`;
}
