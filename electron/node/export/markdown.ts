import type { Block, Brief, BriefLanguage } from './brief';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const escape = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1');

function block(b: Block, l: BriefLanguage, o: RenderOptions): string {
  const s = (text: Parameters<typeof side>[0]) => escape(side(text, l, o));
  switch (b.kind) {
    case 'paragraph':
      return s(b.text);
    case 'list':
      return b.items.map((item) => `- ${s(item)}`).join('\n');
    case 'facts':
      return [
        '| | |',
        '|---|---|',
        ...b.rows.map((r) => `| **${cell(s(r.label))}** | ${cell(s(r.value))} |`),
      ].join('\n');
    case 'clauses':
      return b.items
        .map((c) => {
          const indent = '  '.repeat(c.level);
          const position = c.position ? `\n${indent}  *${s(c.position)}*` : '';
          return `${indent}- **${c.number || '—'}** ${s(c.text)}${position}`;
        })
        .join('\n');
    case 'table':
      return [
        `| ${b.headers.map((h) => cell(s(h))).join(' | ')} |`,
        `|${b.headers.map(() => '---').join('|')}|`,
        ...b.rows.map((row) => `| ${row.map((c) => cell(s(c))).join(' | ')} |`),
      ].join('\n');
    case 'signature':
      return [s(b.placeDate), '', '', escape(b.name), s(b.position)].join('\n\n');
  }
}

function document(brief: Brief, languages: BriefLanguage[], o: RenderOptions): string {
  const out: string[] = [];
  const join = (make: (l: BriefLanguage) => string) =>
    languages.map(make).filter(Boolean).join('\n\n');
  out.push(`# ${languages.map((l) => escape(side(brief.title, l, o))).join(' / ')}`);
  out.push(`**${languages.map((l) => escape(side(brief.subtitle, l, o))).join(' / ')}**`);
  for (const section of brief.sections) {
    const heading = languages
      .map((l) => escape(side(section.heading, l, o)))
      .filter(Boolean)
      .join(' / ');
    if (heading) out.push(`## ${heading}`);
    // Parallel in Markdown: each block in one language, then the other.
    for (const b of section.blocks) out.push(join((l) => block(b, l, o)));
  }
  return out.join('\n\n');
}

/** CommonMark with GitHub tables: readable as text, and rendered by any Markdown viewer. */
export function renderMarkdown(brief: Brief, options: RenderOptions): string {
  const languages = languagesOf(options);
  const text =
    options.language === 'both' && options.layout === 'sequential'
      ? languages.map((l) => document(brief, [l], options)).join('\n\n---\n\n')
      : document(brief, languages, options);
  return `${text}\n`;
}
