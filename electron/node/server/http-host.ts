import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../common/api/types';
import { AppError } from '../../common/errors';
import type { Runtime } from '../runtime';
import { unauthorizedPage } from './unauthorized-page';
import { SECURITY_HEADERS } from './security-headers';
import { readStaticFile } from './static-files';

export const LOOPBACK = '127.0.0.1';
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface HttpHostOptions {
  runtime: Pick<Runtime, 'call' | 'events'>;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface HttpHost {
  port: number;
  token: string;
  origin: string;
  /** The address to open: carries the token once; the page keeps it and sends it as a header. */
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer and the same API as the desktop app, over HTTP on loopback
 * only. Every API request must carry the per-run token in an `Authorization: Bearer`
 * header and name this host in `Host` and, when sent, `Origin`, which defeats DNS
 * rebinding and other sites' pages reaching the API through the user's browser.
 *
 * The token is never a cookie: cookies are not scoped by port, so every other server on
 * 127.0.0.1 the browser visits would receive it. The page takes the token from the address
 * it was opened with, keeps it in its own (port-scoped) session storage and removes it from
 * the address bar; the page's files themselves are the public app and need no token.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let allowedHosts = new Set<string>();
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[risalah] browser mode request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendText(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendText(res, 403, 'Forbidden origin');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return sendText(res, 403, 'Forbidden');

    const url = parseUrl(req.url);
    if (!url) return sendText(res, 400, 'Bad request');
    const offered = url.searchParams.get('token');
    // A wrong token in the address (an old run's, say) is told at once, in both languages.
    if (offered !== null && !sameToken(offered, token)) return sendUnauthorized(res, url.pathname);
    if (url.pathname.startsWith('/api/') && !authorised(req)) {
      return sendUnauthorized(res, url.pathname);
    }

    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed');
      return handleApi(req, res, url.pathname.slice('/api/'.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return sendText(res, 404, 'Not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function authorised(req: IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return bearer !== undefined && sameToken(bearer, token);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail(new AppError('invalid-input', { field: 'content-type' })));
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch {
      return sendJson(res, 413, fail(new AppError('body-too-large', { limit: maxBody })));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, fail(new AppError('invalid-input', { field: 'body' })));
    }
    let name: string;
    try {
      name = decodeURIComponent(channel);
    } catch {
      return sendJson(res, 400, fail(new AppError('unknown-channel', { channel })));
    }
    const result = await options.runtime.call(name, input);
    sendJson(res, 200, result);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.runtime.events.subscribe((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    port,
    token,
    origin,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sameToken(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's path and query; null for a target no browser would send. */
function parseUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://risalah.invalid');
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new Error('too large'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        reject(new Error('too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function fail(error: AppError): ApiResult<never> {
  return { ok: false, error: error.toPayload() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendUnauthorized(res: ServerResponse, pathname: string): void {
  if (pathname.startsWith('/api/')) {
    return sendJson(res, 401, fail(new AppError('browser-token-missing')));
  }
  res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(unauthorizedPage());
}
