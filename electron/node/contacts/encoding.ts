import chardet from 'chardet';
import iconv from 'iconv-lite';
import { importEncodings } from '../../common/domain/vocabulary';
import type { ImportEncoding } from '../../common/domain/vocabulary';

/**
 * Which character set an address book or participant list was saved in, and its text.
 *
 * Node's own `TextDecoder('windows-1252')` is ISO-8859-1 on Node 20 (0x80–0x9F become C1
 * controls, so "Nur’aini" turns into "Nur\u0092aini") and it has no CP949, Shift_JIS, GB18030
 * or Big5 without full ICU. iconv-lite (pure JavaScript, the decoder Express and body-parser
 * use) has them all; chardet (ICU's detector, ported) guesses the legacy code page from byte
 * statistics. Byte-order marks and UTF-16's NUL pattern are checked first, and valid UTF-8 is
 * taken as UTF-8: those are certain, a statistical guess is not.
 */

export type { ImportEncoding };
export { importEncodings };

/** chardet's names for the code pages we offer, and which we read them as. */
const FROM_CHARDET: Record<string, ImportEncoding> = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  // Files called Latin-1 are in practice Windows-1252: the C1 range is never text.
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'iso-8859-2': 'windows-1250',
  'windows-1250': 'windows-1250',
  // CP949 (Unified Hangul Code) is EUC-KR plus the 8,822 syllables Windows added.
  'euc-kr': 'cp949',
  shift_jis: 'shift_jis',
  'euc-jp': 'euc-jp',
  gb18030: 'gb18030',
  big5: 'big5',
};

export interface Detected {
  encoding: ImportEncoding;
  /** How it was found: a byte-order mark, the NUL pattern, valid UTF-8, or a statistical guess. */
  by: 'bom' | 'nul-pattern' | 'utf-8' | 'guess';
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function nulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): Detected {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', by: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', by: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', by: 'bom' };
  const utf16 = nulPattern(bytes);
  if (utf16) return { encoding: utf16, by: 'nul-pattern' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', by: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy code page, guessed below.
  }
  // The statistics need only a sample; the whole of a 10 MB file would only cost time.
  const guess = chardet.detect(bytes.subarray(0, 256 * 1024))?.toLowerCase() ?? '';
  return { encoding: FROM_CHARDET[guess] ?? 'windows-1252', by: 'guess' };
}

export const isUtf16 = (encoding: ImportEncoding) =>
  encoding === 'utf-16le' || encoding === 'utf-16be';

/** The text of bytes in a given encoding, without its byte-order mark. */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  const name = iconv.encodingExists(encoding) ? encoding : 'windows-1252';
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, {
    stripBOM: true,
  });
}

/** A charset named inside a file (vCard 2.1's CHARSET=): known to iconv-lite, else none. */
export const knownCharset = (name: string): string | null =>
  iconv.encodingExists(name) ? name : null;
