/**
 * The content lines of vCard 2.1 (old phones), 3.0 (RFC 2426) and 4.0 (RFC 6350): folding,
 * groups, parameters (including 2.1's bare "TEL;CELL" and RFC 6868's ^-escapes),
 * quoted-printable soft breaks and charsets, and the escapes of text values.
 *
 * The maintained JavaScript vCard libraries (ical.js, vcf, vcard4) read 3.0/4.0 text that is
 * already decoded: none unfolds before decoding, reads 2.1's quoted-printable with CHARSET,
 * or keeps 2.1 cards nested in AGENT. So this stays hand-written, small and tested, and every
 * step is linear in the size of the file (a 10 MB file of adversarial folding or parameters
 * reads in about a second) because it runs on every byte of files from anywhere.
 */

export interface ContentLine {
  group: string;
  name: string;
  params: Record<string, string[]>;
  /** The value, decoded from quoted-printable and its charset, still escaped. */
  value: string;
  /** For ENCODING=BASE64/b: the raw bytes. */
  bytes?: Uint8Array;
  /** 1-based line in the file where this property starts. */
  line: number;
}

/** Turns a value's raw characters into text: bytes in a binary string, or text already decoded. */
export type ValueDecoder = (raw: string, charset: string | null, binary: boolean) => string;

/** How many parameters of one property are read; the rest of a crafted line is ignored. */
const MAX_PARAMS = 64;

export interface LogicalLine {
  text: string;
  line: number;
}

/**
 * Joins folded lines (RFC 6350 §3.2) before anything is decoded, so a UTF-8 character split
 * by a fold is whole again. `text` is either a binary string (one character per byte) or
 * UTF-16 text already decoded. Each piece is kept in an array and joined once: appending to
 * a growing line per fold would be quadratic on a file folded into millions of pieces.
 */
export function unfold(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let parts: string[] = [];
  let start = 0;
  let quotedPrintable = false;
  const flush = () => {
    if (parts.length) out.push({ text: parts.join(''), line: start });
    parts = [];
  };
  let index = 0;
  let lineNumber = 0;
  const length = text.length;
  while (index <= length) {
    let end = text.indexOf('\n', index);
    if (end < 0) end = length;
    let line = text.slice(index, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // A lone CR (old Macs) also ends a line.
    const pieces = line.includes('\r') ? line.split('\r') : [line];
    for (const piece of pieces) {
      lineNumber++;
      const last = parts.length ? (parts[parts.length - 1] ?? '') : null;
      if (last !== null && quotedPrintable && last.endsWith('=') && !/^(BEGIN|END):/i.test(piece)) {
        // Quoted-printable soft line break: "=" at the end joins the next line as it is.
        parts[parts.length - 1] = last.slice(0, -1);
        parts.push(piece);
      } else if (last !== null && (piece.startsWith(' ') || piece.startsWith('\t'))) {
        parts.push(piece.slice(1));
      } else {
        flush();
        if (piece.length > 0) {
          parts = [piece];
          start = lineNumber;
          const colon = piece.indexOf(':');
          quotedPrintable = /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(
            colon < 0 ? piece.slice(0, 500) : piece.slice(0, Math.min(colon, 2000)),
          );
        }
      }
    }
    index = end + 1;
  }
  flush();
  return out;
}

/** RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret. */
const caretDecode = (value: string) =>
  value.includes('^')
    ? value.replace(/\^(\^|n|')/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'))
    : value;

function splitOutsideQuotes(text: string, separator: string, limit: number): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length && parts.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && text[i] === separator) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (parts.length < limit) parts.push(text.slice(from));
  return parts;
}

/** The colon that ends the name and parameters: the first outside double quotes. */
function valueColon(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return i;
  }
  // An unbalanced quote: read up to the first colon rather than lose the line.
  return text.indexOf(':');
}

export function parseLine(text: string, line: number, decode: ValueDecoder): ContentLine | null {
  const colon = valueColon(text);
  if (colon < 0) return null;
  const [head = '', ...paramParts] = splitOutsideQuotes(text.slice(0, colon), ';', MAX_PARAMS + 1);
  const dot = head.indexOf('.');
  const group = dot < 0 ? '' : head.slice(0, dot);
  const name = (dot < 0 ? head : head.slice(dot + 1)).trim().toUpperCase();
  const params: Record<string, string[]> = {};
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    // vCard 2.1 allows bare type names: TEL;CELL;VOICE:…
    const key = (eq < 0 ? 'TYPE' : part.slice(0, eq)).trim().toUpperCase();
    const list = (params[key] ??= []);
    for (const v of splitOutsideQuotes(eq < 0 ? part : part.slice(eq + 1), ',', MAX_PARAMS)) {
      if (list.length < MAX_PARAMS) list.push(caretDecode(v.trim().replace(/^"|"$/g, '')));
    }
  }
  if (params.QUOTED_PRINTABLE || params.TYPE?.some((t) => /^quoted-printable$/i.test(t))) {
    params.ENCODING = ['QUOTED-PRINTABLE'];
  }
  if (params.TYPE?.some((t) => /^base64$/i.test(t))) params.ENCODING = ['BASE64'];
  const rawValue = text.slice(colon + 1);
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  const charset = params.CHARSET?.[0] ?? null;
  if (encoding === 'QUOTED-PRINTABLE') {
    return { group, name, params, value: decode(quotedPrintable(rawValue), charset, true), line };
  }
  if (encoding === 'BASE64' || encoding === 'B') {
    return {
      group,
      name,
      params,
      value: '',
      bytes: Uint8Array.from(Buffer.from(rawValue.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64')),
      line,
    };
  }
  return { group, name, params, value: decode(rawValue, charset, false), line };
}

/** Quoted-printable to a binary string (one character per byte), in one pass. */
function quotedPrintable(value: string): string {
  if (!value.includes('=')) return value;
  const out: string[] = [];
  let from = 0;
  for (let i = value.indexOf('='); i >= 0 && i < value.length; i = value.indexOf('=', i)) {
    const hex = value.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(value.slice(from, i), String.fromCharCode(parseInt(hex, 16)));
      i += 3;
      from = i;
    } else i++;
  }
  out.push(value.slice(from));
  return out.join('');
}

/** Splits on a separator that is not escaped with a backslash. */
export function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === separator) {
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
}

/**
 * The escapes of a text value: \n and \N a line break, \\ a backslash, and any other escaped
 * character itself, so Google's and Apple's "http\://" and "\"" read as written.
 */
export function unescapeText(value: string): string {
  // Line breaks as one "\n" (a quoted-printable =0D=0A is the same break as an escaped \n).
  const text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  if (!text.includes('\\')) return text;
  return text.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A text value escaped per RFC 6350 §3.4: every line break, backslash, comma and semicolon. */
export function escapeText(value: string): string {
  return stripControls(value)
    .replace(/[\\,;]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value (URL, IMPP): not escaped by the RFC, but a line break in it is percent-encoded. */
export function escapeUri(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => encodeURIComponent(c),
  );
}

/** Control characters other than tabs and line breaks have no place in a card (and break readers). */
const stripControls = (value: string) =>
  // eslint-disable-next-line no-control-regex
  value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

/**
 * A parameter: each value in double quotes when it holds a character that would end it
 * (`,` `;` `:`), RFC 6868's ^-escapes for line breaks and quotes.
 */
export function formatParam(name: string, values: string[]): string {
  const written = values
    .map((v) =>
      stripControls(v)
        .replace(/\^/g, '^^')
        .replace(/\r\n|\r|\n/g, '^n')
        .replace(/"/g, "^'"),
    )
    .filter(Boolean)
    .map((v) => (/[,;:^]/.test(v) || /\s/.test(v) ? `"${v}"` : v));
  return written.length ? `;${name}=${written.join(',')}` : '';
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  const out: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const char of line) {
    const bytes =
      char.length === 2 ? 4 : char.charCodeAt(0) < 0x80 ? 1 : char.charCodeAt(0) < 0x800 ? 2 : 3;
    if (size + bytes > (out.length ? 74 : 75)) {
      out.push(current.join(''));
      current = [];
      size = 0;
    }
    current.push(char);
    size += bytes;
  }
  out.push(current.join(''));
  return out.join('\r\n ');
}
