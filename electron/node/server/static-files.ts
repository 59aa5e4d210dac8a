import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { mimeType } from './security-headers';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path inside the built renderer folder, refusing anything that would
 * step outside it. Unknown paths without an extension fall back to `index.html`.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return { body: await readFile(full), contentType: mimeType(full) };
  } catch {
    if (/\.[a-z0-9]+$/i.test(relative)) return null;
    try {
      return { body: await readFile(join(root, 'index.html')), contentType: mimeType('.html') };
    } catch {
      return null;
    }
  }
}
