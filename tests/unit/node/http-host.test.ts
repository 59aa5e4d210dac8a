import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime } from '../../../electron/node/runtime';
import type { Runtime } from '../../../electron/node/runtime';
import { startHttpHost } from '../../../electron/node/server/http-host';
import type { HttpHost } from '../../../electron/node/server/http-host';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so tests can send the headers a browser would never let a page forge. */
function send(
  host: HttpHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (host: HttpHost, extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${host.token}`,
  ...extra,
});

describe('browser mode host', () => {
  let dir: string;
  let runtime: Runtime;
  let host: HttpHost;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'risalah-host-'));
    const renderer = join(dir, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Risalah</title>');
    await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'not for the browser');
    runtime = await openRuntime({
      workspaceDir: join(dir, 'ws'),
      transport: 'browser',
      locale: 'id-ID',
      debounceMs: 5,
    });
    host = await startHttpHost({ runtime, rendererDir: renderer, maxBodyBytes: 1024 });
  });

  afterEach(async () => {
    await host.close();
    await runtime.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on the loopback address only', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toContain(`token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects an API request without the token; serves the public page, which asks for it', async () => {
    const api = await send(host, '/api/settings.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({
      ok: false,
      error: { code: 'browser-token-missing' },
    });
    // The page is the app's public code; on a reload it finds the token it kept.
    const page = await send(host, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Risalah</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a wrong token', async () => {
    const reply = await send(host, '/api/settings.get', {
      method: 'POST',
      headers: json(host, { Authorization: `Bearer ${'x'.repeat(host.token.length)}` }),
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect((await send(host, '/?token=wrong')).status).toBe(401);
  });

  it('rejects a foreign Host header even with the right token (DNS rebinding)', async () => {
    const reply = await send(host, '/api/settings.get', {
      method: 'POST',
      headers: json(host, { Host: `evil.example:${host.port}` }),
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('rejects a foreign Origin even with the right token', async () => {
    const reply = await send(host, '/api/settings.get', {
      method: 'POST',
      headers: json(host, { Origin: 'https://evil.example' }),
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('serves the page for the printed address and never sets a cookie', async () => {
    const first = await send(host, `/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.body).toContain('<title>Risalah</title>');
  });

  it('takes the token only as a header: as a cookie (what other local servers get) it opens nothing', async () => {
    for (const cookie of [
      `risalah_token=${host.token}`,
      `risalah_token_${host.port}=${host.token}`,
      `token=${host.token}`,
    ]) {
      const reply = await send(host, '/api/settings.get', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: '{}',
      });
      expect(reply.status).toBe(401);
    }
    const inQuery = await send(host, `/api/settings.get?token=${host.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(inQuery.status).toBe(401);
  });

  it('answers a malformed escape in an API path with 400, logging no stack trace', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      for (const path of ['/api/settings.%E0%A4%A', '/api/%', '/api/settings%zzget']) {
        const reply = await send(host, path, { method: 'POST', headers: json(host), body: '{}' });
        expect(reply.status).toBe(400);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
      }
      const page = await send(host, '/%E0%A4%A');
      expect(page.status).toBeLessThan(500);
      expect(page.status).toBeGreaterThanOrEqual(400);
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  it('answers the API with the same handlers as the desktop app', async () => {
    const update = await send(host, '/api/settings.update', {
      method: 'POST',
      headers: json(host),
      body: '{"language":"en"}',
    });
    expect(JSON.parse(update.body)).toEqual({
      ok: true,
      value: { language: 'en', csvMappings: {} },
      // The number of the edit the call made, to match against a later "saved".
      edit: expect.any(Number),
    });
    const info = await send(host, '/api/app.info', {
      method: 'POST',
      headers: json(host),
      body: '{}',
    });
    expect(JSON.parse(info.body)).toMatchObject({
      ok: true,
      value: { transport: 'browser', systemLanguage: 'id' },
    });
  });

  it('refuses a body over the limit, non-JSON bodies and unknown channels', async () => {
    const big = await send(host, '/api/settings.update', {
      method: 'POST',
      headers: json(host),
      body: JSON.stringify({ language: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ error: { code: 'body-too-large' } });
    const form = await send(host, '/api/settings.get', {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const broken = await send(host, '/api/settings.get', {
      method: 'POST',
      headers: json(host),
      body: '{not json',
    });
    expect(JSON.parse(broken.body)).toMatchObject({ error: { code: 'invalid-input' } });
    const unknown = await send(host, '/api/fs.read', {
      method: 'POST',
      headers: json(host),
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'unknown-channel' } });
  });

  it('serves nothing outside the renderer folder', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await send(host, '/assets/app.js', { headers: auth })).status).toBe(200);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await send(host, path, { headers: auth });
      expect(reply.body).not.toContain('not for the browser');
    }
  });

  it('pushes events to the page over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { Authorization: `Bearer ${host.token}` },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('settings-changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    await send(host, '/api/settings.update', {
      method: 'POST',
      headers: json(host),
      body: '{"language":"id"}',
    });
    const text = await received;
    const line = text
      .split('\n')
      .find((l) => l.startsWith('data: ') && l.includes('settings-changed'));
    expect(JSON.parse(line?.slice(6) ?? '{}')).toEqual({
      name: 'settings-changed',
      payload: { language: 'id', csvMappings: {} },
    });
  });
});
