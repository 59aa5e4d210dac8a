import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../node/server/security-headers';
import { readStaticFile } from '../node/server/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'risalah';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `app://risalah/` instead of `file://`, so the page has a
 * real origin, cannot read arbitrary local files, and gets the same CSP as browser mode.
 */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}

/**
 * Whether a URL belongs to the app's own pages. Compares scheme and host, because Node's URL
 * gives non-special schemes such as `app:` the origin "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
