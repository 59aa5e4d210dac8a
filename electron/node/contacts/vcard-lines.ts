/**
 * The content lines of vCard 2.1 (old phones), 3.0 (RFC 2426) and 4.0 (RFC 6350): folding,
 * groups, parameters (including 2.1's bare "TEL;CELL"), quoted-printable soft breaks and
 * charsets, and the escapes of text values. No vCard library on npm decodes all of these
 * (2.1's quoted-printable and CHARSET in particular), so this stays small and tested.
 */

export interface ContentLine {
  name: string;
  params: Record<string, string[]>;
  /** The value, decoded from quoted-printable and its charset, still escaped. */
  value: string;
  /** For ENCODING=BASE64/b: the raw bytes. */
  bytes?: Uint8Array;
  /** 1-based line in the file where this property starts. */
  line: number;
}

export function unfold(text: string): { text: string; line: number }[] {
  const raw = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const out: { text: string; line: number }[] = [];
  let qpContinues = false;
  raw.forEach((line, index) => {
    const last = out[out.length - 1];
    if (last && qpContinues) {
      // Quoted-printable soft line break: "=" at the end joins the next line as it is.
      last.text = last.text.slice(0, -1) + line;
    } else if (last && /^[ \t]/.test(line)) {
      last.text += line.slice(1);
    } else if (line.length > 0) {
      out.push({ text: line, line: index + 1 });
    }
    const current = out[out.length - 1];
    qpContinues =
      !!current &&
      /ENCODING=QUOTED-PRINTABLE/i.test(current.text.split(':')[0] ?? '') &&
      current.text.endsWith('=');
  });
  return out;
}

export function parseLine(text: string, line: number): ContentLine | null {
  const colon = findUnquoted(text, ':');
  if (colon < 0) return null;
  const [head = '', ...paramParts] = splitUnquoted(text.slice(0, colon), ';');
  const name = (head.includes('.') ? head.slice(head.indexOf('.') + 1) : head).toUpperCase();
  const params: Record<string, string[]> = {};
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    // vCard 2.1 allows bare type names: TEL;CELL;VOICE:…
    const key = (eq < 0 ? 'TYPE' : part.slice(0, eq)).toUpperCase();
    const values = (eq < 0 ? part : part.slice(eq + 1))
      .split(',')
      .map((v) => v.replace(/^"|"$/g, ''));
    params[key] = [...(params[key] ?? []), ...values];
  }
  const rawValue = text.slice(colon + 1);
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  const charset = params.CHARSET?.[0] ?? 'utf-8';
  if (encoding === 'QUOTED-PRINTABLE') {
    return { name, params, value: decodeBytes(quotedPrintable(rawValue), charset), line };
  }
  if (encoding === 'BASE64' || encoding === 'B') {
    return {
      name,
      params,
      value: '',
      bytes: Uint8Array.from(Buffer.from(rawValue.replace(/\s/g, ''), 'base64')),
      line,
    };
  }
  return {
    name,
    params,
    value: params.CHARSET ? decodeBytes(Buffer.from(rawValue, 'latin1'), charset) : rawValue,
    line,
  };
}

function quotedPrintable(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase(), { fatal: false }).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Splits on a separator that is neither escaped with a backslash nor inside quotes. */
export function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    if (size + bytes > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

function findUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === char && !quoted) return i;
  }
  return -1;
}

function splitUnquoted(text: string, char: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === char && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}
