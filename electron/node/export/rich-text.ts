import MarkdownIt from 'markdown-it';

/** A stretch of text with one set of emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

/**
 * The document structure a note's Markdown becomes: every format renders these as its own
 * headings, paragraphs, lists and tables, so no raw markup ever reaches a reader.
 */
export type Flow =
  | { kind: 'p'; runs: Run[] }
  | { kind: 'h'; level: number; runs: Run[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Flow[][] }
  | { kind: 'table'; head: Run[][]; rows: Run[][][] }
  | { kind: 'quote'; flows: Flow[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

// CommonMark with GitHub tables, raw HTML off: a `<script>` in a note stays text, in every format.
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false }).enable([
  'table',
  'strikethrough',
]);

type Token = ReturnType<typeof markdown.parse>[number];

function inline(token: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string, extra: Partial<Run> = {}) => {
    if (!text) return;
    const run: Run = { text, ...extra };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    const last = runs[runs.length - 1];
    if (
      last &&
      last.bold === run.bold &&
      last.italic === run.italic &&
      last.code === run.code &&
      !extra.code
    )
      last.text += text;
    else runs.push(run);
  };
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'code_inline':
        push(child.content, { code: true });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'image':
        push(child.content);
        break;
      default:
        // text, html_inline shown as text, link text (the address is dropped: paper has no links)
        if (child.content) push(child.content);
    }
  }
  return runs;
}

/** Turns tokens from `start` until the closing token of `until` into flows. */
function flows(tokens: Token[], start: number, until: string | null): [Flow[], number] {
  const out: Flow[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (until && token.type === until) return [out, i + 1];
    switch (token.type) {
      case 'heading_open':
        out.push({
          kind: 'h',
          level: Number(token.tag.slice(1)) || 1,
          runs: inline(tokens[i + 1]),
        });
        i += 3;
        break;
      case 'paragraph_open':
        out.push({ kind: 'p', runs: inline(tokens[i + 1]) });
        i += 3;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Flow[][] = [];
        i++;
        while (i < tokens.length && tokens[i]?.type !== close) {
          if (tokens[i]?.type === 'list_item_open') {
            const [item, next] = flows(tokens, i + 1, 'list_item_close');
            items.push(item);
            i = next;
          } else i++;
        }
        out.push({ kind: 'list', ordered, start: Number(token.attrGet('start') ?? 1), items });
        i++;
        break;
      }
      case 'blockquote_open': {
        const [inner, next] = flows(tokens, i + 1, 'blockquote_close');
        out.push({ kind: 'quote', flows: inner });
        i = next;
        break;
      }
      case 'fence':
      case 'code_block':
        out.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        i++;
        break;
      case 'hr':
        out.push({ kind: 'rule' });
        i++;
        break;
      case 'html_block':
        // Raw HTML is off, so this does not occur; kept as text should the preset change.
        out.push({ kind: 'p', runs: [{ text: token.content.trim() }] });
        i++;
        break;
      case 'table_open': {
        const head: Run[][] = [];
        const rows: Run[][][] = [];
        let row: Run[][] | null = null;
        let inHead = false;
        i++;
        while (i < tokens.length && tokens[i]?.type !== 'table_close') {
          const t = tokens[i] as Token;
          if (t.type === 'thead_open') inHead = true;
          else if (t.type === 'thead_close') inHead = false;
          else if (t.type === 'tr_open') row = [];
          else if (t.type === 'tr_close' && row) {
            if (inHead) head.push(...row);
            else rows.push(row);
            row = null;
          } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
            row.push(inline(tokens[i + 1]));
          }
          i++;
        }
        out.push({ kind: 'table', head, rows });
        i++;
        break;
      }
      default:
        i++;
    }
  }
  return [out, i];
}

const cache = new Map<string, Flow[]>();

/**
 * A delegate's Markdown as document structure. Cached: a brief renders the same notes in
 * several passes (measuring, then drawing), and the preview re-renders on every option.
 */
export function parseRich(text: string): Flow[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const [result] = flows(markdown.parse(text, {}), 0, null);
  if (cache.size > 5000) cache.clear();
  cache.set(text, result);
  return result;
}

/** The plain text of runs, as a reader would read it aloud. */
export const plain = (runs: Run[]): string => runs.map((r) => r.text).join('');

/** Every word of a flow, for the tests and for measuring. */
export function flowText(flow: Flow): string {
  switch (flow.kind) {
    case 'p':
    case 'h':
      return plain(flow.runs);
    case 'list':
      return flow.items.map((item) => item.map(flowText).join('\n')).join('\n');
    case 'table':
      return [flow.head, ...flow.rows].map((row) => row.map(plain).join(' ')).join('\n');
    case 'quote':
      return flow.flows.map(flowText).join('\n');
    case 'code':
      return flow.text;
    case 'rule':
      return '';
  }
}
