import type { Brief, BriefLanguage } from './brief';
import { planBody } from './document-plan';
import type { Piece, Unit } from './document-plan';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';
import type { Flow, Run } from './rich-text';

/**
 * Every field as literal text: Markdown's punctuation is backslash-escaped, so `<b>` in a
 * clause number, `*` in a name or `1.` at the start of a line stay what was typed, in any viewer
 * (including those that render raw HTML: `\<` is never a tag). Numbers are escaped like any field.
 */
export function escapeMarkdown(text: string): string {
  // Most texts have nothing to escape and a single line: one scan of their characters and a look
  // at their start, instead of a multiline pattern that tried a line start at every character.
  if (!SPECIAL.test(text) && !FIRST_LINE.test(text)) return text;
  if (!PUNCTUATION.test(text) && !LINE_START.test(text)) return text;
  return text
    .replace(/[\\`*_{}[\]<>#|~&!]/g, '\\$&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

const PUNCTUATION = /[\\`*_{}[\]<>#|~&!]/;
/** Markdown's punctuation, or a line break. */
const SPECIAL = /[\\`*_{}[\]<>#|~&!\n\r\u2028\u2029]/;
const FIRST_LINE = /^\s*(?:[-+=]|\d+[.)])/;
/** What `^\s*[-+=]|^\s*\d+[.)]` finds with the `m` flag: after any line terminator. */
const LINE_START = /(?:^|[\n\r\u2028\u2029])\s*(?:[-+=]|\d+[.)])/;

/** A table cell holds one line: its lines are joined by `<br>`, the one tag a cell needs. */
const BR = '<br>';
const INDENT = '&nbsp;&nbsp;&nbsp;';

const one = (text: string) => {
  const escaped = escapeMarkdown(text);
  return escaped.includes('\n') ? escaped.replace(/\s*\n\s*/g, ' ') : escaped;
};
/** A table cell: one line, its pipes escaped (already by escapeMarkdown). */
const cell = (value: string | string[]) =>
  Array.isArray(value) ? value.map(one).join('; ') : one(value);

/** Runs as inline Markdown; in a table cell (`cell`) a line break is `<br>`, a pipe escaped. */
function runsMd(runs: Run[], cell = false): string {
  return runs
    .map((r) => {
      if (r.code) {
        const code = r.text.replace(/`/g, 'ˋ');
        return `\`${cell ? code.replace(/\|/g, '\\|').replace(/\n/g, ' ') : code}\``;
      }
      let text = escapeMarkdown(r.text).replace(/\n/g, cell ? BR : '\\\n');
      if (!text.trim()) return text;
      if (r.italic) text = `*${text}*`;
      if (r.bold) text = `**${text}**`;
      return text;
    })
    .join('');
}

function flowMd(flow: Flow, indent = ''): string {
  switch (flow.kind) {
    case 'p':
      return indent + runsMd(flow.runs);
    case 'h':
      return `${indent}**${runsMd(flow.runs)}**`;
    case 'list':
      return flow.items
        .map((item, i) => {
          const mark = flow.ordered ? `${flow.start + i}.` : '-';
          const pad = ' '.repeat(mark.length + 1);
          return item
            .map((child, j) => {
              const text = flowMd(child, indent + pad).slice(indent.length + pad.length);
              return j === 0 ? `${indent}${mark} ${text}` : `${indent}${pad}${text}`;
            })
            .join('\n');
        })
        .join('\n');
    case 'table': {
      const width = Math.max(flow.head.length, ...flow.rows.map((r) => r.length), 1);
      const row = (cells: Run[][]) =>
        `${indent}| ${Array.from({ length: width }, (_, i) => runsMd(cells[i] ?? []).replace(/\\\n/g, ' ')).join(' | ')} |`;
      return [row(flow.head), `${indent}|${' --- |'.repeat(width)}`, ...flow.rows.map(row)].join(
        '\n',
      );
    }
    case 'quote':
      return flow.flows.map((f) => `${indent}> ${flowMd(f)}`).join('\n>\n');
    case 'code':
      return ['```', ...flow.text.split('\n'), '```'].map((l) => indent + l).join('\n');
    case 'rule':
      return `${indent}---`;
  }
}

/**
 * A note's flows as Markdown, kept by the flow they were made from (as a block, and as the
 * content of a parallel table cell): the plan hands out the same flow objects for the same
 * text, so each note is set once however often it is exported.
 */
const made = { block: new WeakMap<Flow, string>(), cell: new WeakMap<Flow, string>() };

function cached(cache: WeakMap<Flow, string>, flow: Flow, make: (flow: Flow) => string): string {
  let text = cache.get(flow);
  if (text === undefined) {
    text = make(flow);
    cache.set(flow, text);
  }
  return text;
}

const blockMd = (flow: Flow) => flowMd(flow);
const cellMd = (flow: Flow) => flowCell(flow).join(BR);

function pieceMd(piece: Piece): string {
  switch (piece.kind) {
    case 'heading':
      return `## ${one(piece.text)}`;
    case 'subheading':
      return `${piece.level === 1 ? '###' : '####'} ${one(piece.text)}`;
    case 'paragraph':
      return escapeMarkdown(piece.text).replace(/\n/g, '\\\n');
    case 'flow':
      return cached(made.block, piece.flow, blockMd);
    case 'fact':
      return `**${one(piece.label)}:** ${one(piece.value)}`;
    case 'clause': {
      const pad = '  '.repeat(piece.level);
      const position = piece.position ? `\\\n${pad}*${one(piece.position)}*` : '';
      return `${pad}**${one(piece.number)}** ${one(piece.text)}${position}`;
    }
    case 'item':
      return [
        `**${one(piece.number)} ${one(piece.title)}**`,
        ...piece.facts.map((f) => `- *${one(f.label)}:* ${one(f.value)}`),
        ...(piece.list
          ? [`- *${one(piece.list.label)}:*`, ...piece.list.items.map((i) => `  - ${one(i)}`)]
          : []),
      ].join('\n');
  }
}

function unitMd(unit: Unit): string {
  switch (unit.kind) {
    case 'piece':
      return pieceMd(unit.piece);
    case 'facts':
      return unit.rows.map((r) => `**${one(r.label)}:** ${one(r.value)}`).join('\\\n');
    case 'table':
      return [
        `| ${unit.table.headers.map(cell).join(' | ')} |`,
        `|${' --- |'.repeat(unit.table.headers.length)}`,
        ...unit.table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'pair':
      // Pairs are set as rows of a table by `parallelMd`; a section heading stands alone.
      return [unit.id, unit.en]
        .filter((p): p is Piece => p !== null)
        .map(pieceMd)
        .join('\n\n');
  }
}

/** A flow inside a table cell: a list item keeps its mark, a nested list its indent. */
function flowCell(flow: Flow, depth = 0): string[] {
  const pad = INDENT.repeat(depth);
  switch (flow.kind) {
    case 'p':
      return [pad + runsMd(flow.runs, true)];
    case 'h':
      return [`${pad}**${runsMd(flow.runs, true)}**`];
    case 'list':
      return flow.items.flatMap((item, i) => {
        const mark = flow.ordered ? `${flow.start + i}.` : depth % 2 ? '◦' : '•';
        return item.flatMap((child, j) => {
          if (child.kind === 'list') return flowCell(child, depth + 1);
          const lines = flowCell(child, 0);
          return lines.map((line, k) =>
            j === 0 && k === 0 ? `${pad}${mark} ${line}` : `${pad}${INDENT}${line}`,
          );
        });
      });
    case 'table':
      // A note's own table inside a cell: a row a line, its cells parted by " · ".
      return [flow.head, ...flow.rows].map(
        (row, i) =>
          pad + row.map((c) => (i === 0 ? `**${runsMd(c, true)}**` : runsMd(c, true))).join(' · '),
      );
    case 'quote':
      return flow.flows.flatMap((f) => flowCell(f, depth)).map((line) => `${pad}│ ${line}`);
    case 'code':
      return flow.text.split('\n').map((line) => pad + runsMd([{ text: line, code: true }], true));
    case 'rule':
      return [`${pad}—`];
  }
}

const cellLine = (text: string) => {
  const escaped = escapeMarkdown(text);
  return escaped.includes('\n') ? escaped.replace(/\s*\n\s*/g, BR) : escaped;
};

/** One side of a parallel row, as the content of a table cell. */
function pieceCell(piece: Piece | null): string {
  if (!piece) return '';
  switch (piece.kind) {
    case 'heading':
    case 'subheading':
      return `**${cellLine(piece.text)}**`;
    case 'paragraph':
      return cellLine(piece.text);
    case 'flow':
      return cached(made.cell, piece.flow, cellMd);
    case 'fact':
      return `**${cellLine(piece.label)}:** ${cellLine(piece.value)}`;
    case 'clause':
      return [
        `${INDENT.repeat(piece.level)}**${cellLine(piece.number)}** ${cellLine(piece.text)}`,
        ...(piece.position ? [`${INDENT.repeat(piece.level)}*${cellLine(piece.position)}*`] : []),
      ].join(BR);
    case 'item':
      return [
        `**${cellLine(piece.number)} ${cellLine(piece.title)}**`,
        ...piece.facts.map((f) => `*${cellLine(f.label)}:* ${cellLine(f.value)}`),
        ...(piece.list
          ? [`*${cellLine(piece.list.label)}:*`, ...piece.list.items.map((i) => `– ${cellLine(i)}`)]
          : []),
      ].join(BR);
  }
}

/**
 * The document's text, written piece by piece into one array and joined once at the end (nested
 * joins copied every note again at each level): blocks parted by a blank line.
 */
class Blocks {
  readonly out: string[] = [];
  private count = 0;

  /** Starts a block with these pieces. */
  block(...pieces: string[]): void {
    if (this.count++) this.out.push('\n\n');
    for (const piece of pieces) this.out.push(piece);
  }

  /** The next document starts (a language of a sequential layout), after a rule. */
  rule(): void {
    this.out.push('\n\n---\n\n');
    this.count = 0;
  }
}

/**
 * The parallel layout in Markdown, which has no columns of its own: each section's heading in
 * both languages, then one GitHub table whose rows pair each paragraph, clause and item with its
 * English, as the Word, PDF and HTML layouts do.
 */
function parallelMd(blocks: Blocks, brief: Brief, units: Unit[]): void {
  let open = false;
  for (const unit of units) {
    if (unit.kind !== 'pair') continue;
    if (unit.id?.kind === 'heading' || unit.en?.kind === 'heading') {
      open = false;
      blocks.block(
        `## ${[unit.id, unit.en]
          .map((p) => (p && 'text' in p ? one(p.text) : ''))
          .filter(Boolean)
          .join(' / ')}`,
      );
      continue;
    }
    // A table starts with the first row after a heading.
    if (!open) {
      blocks.block(
        `| ${one(brief.languageNames.id)} | ${one(brief.languageNames.en)} |\n| --- | --- |`,
      );
      open = true;
    }
    blocks.out.push('\n| ', pieceCell(unit.id), ' | ', pieceCell(unit.en), ' |');
  }
}

function headMd(brief: Brief, languages: BriefLanguage[], o: RenderOptions): string[] {
  const first = languages[0] ?? 'id';
  const out: string[] = [];
  if (brief.letterhead) {
    out.push(
      [
        ...brief.letterhead.lines.map((line) => `**${one(side(line, first, o).toUpperCase())}**`),
        ...(side(brief.letterhead.address, first, o).trim()
          ? [one(side(brief.letterhead.address, first, o))]
          : []),
      ].join('\\\n'),
      // The kop's rule; `---` is kept for the break between the two languages.
      '***',
    );
  }
  out.push(`# ${languages.map((l) => one(side(brief.title, l, o))).join(' / ')}`);
  out.push(
    [
      ...(brief.number ? [one(side(brief.number, first, o))] : []),
      `**${languages.map((l) => one(side(brief.subtitle, l, o))).join(' / ')}**`,
    ].join('\\\n'),
  );
  if (brief.addressee) {
    out.push(
      languages
        .map(
          (l) =>
            `${one(brief.addresseeLabel[l])} ${one(side(brief.addressee ?? brief.title, l, o))}`,
        )
        .join('\\\n'),
    );
  }
  return out;
}

function closingMd(brief: Brief, languages: BriefLanguage[], o: RenderOptions): string[] {
  const each = (text: (l: BriefLanguage) => string) => languages.map((l) => one(text(l)));
  return [
    each((l) => side(brief.closing.placeDate, l, o)).join('\\\n'),
    ...brief.closing.signers.map((s) =>
      [
        ...each((l) => side(s.caption, l, o)),
        ...each((l) => side(s.position, l, o)),
        '',
        '',
        `**${one(s.name)}**`,
        ...(s.nip ? [one(`${brief.nipLabel.id} ${s.nip}`)] : []),
      ]
        .filter((line, i, all) => line || all[i - 1] !== '')
        .join('\\\n'),
    ),
  ];
}

/** CommonMark with GitHub tables: readable as text, and rendered by any Markdown viewer. */
export function renderMarkdown(brief: Brief, options: RenderOptions): string {
  const languages = languagesOf(options);
  const parts = planBody(brief, options);
  const blocks = new Blocks();
  const units = (list: Unit[]) => {
    for (const unit of list) blocks.block(unitMd(unit));
  };
  if (languages.length === 2 && options.layout === 'sequential') {
    parts.forEach((part, i) => {
      const l = part.language ?? 'id';
      if (i) blocks.rule();
      for (const text of headMd(brief, [l], options)) blocks.block(text);
      units(part.units);
      for (const text of closingMd(brief, [l], options)) blocks.block(text);
    });
  } else {
    for (const text of headMd(brief, languages, options)) blocks.block(text);
    for (const part of parts) {
      if (part.language) units(part.units);
      else parallelMd(blocks, brief, part.units);
    }
    for (const text of closingMd(brief, languages, options)) blocks.block(text);
  }
  blocks.out.push('\n');
  return blocks.out.join('');
}
