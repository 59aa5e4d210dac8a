import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

for (const [locale, title, body] of [
  ['id-ID', 'Token akses diperlukan', 'Alamat ini memerlukan token akses'],
  ['en-GB', 'Access token needed', 'This address needs the access token'],
] as const) {
  test(`browser mode opened without the token says what to open (${locale})`, async ({
    browser,
    server,
  }) => {
    // A page of its own: the refused API calls are the expected outcome, not console errors.
    const page = await browser.newPage({ locale });
    await page.goto(`${server.origin}/`);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(body);
    await page.close();
  });
}

test('an old run’s address is refused in both languages', async ({ browser, server }) => {
  const page = await browser.newPage();
  const response = await page.goto(`${server.origin}/?token=${'x'.repeat(server.token.length)}`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Token akses diperlukan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Access token needed' })).toBeVisible();
  await page.close();
});

test('another server on 127.0.0.1 receives nothing that opens Risalah’s API', async ({
  page,
  server,
  playwright,
}) => {
  // Any other local program with a web server: it records whatever the browser sends it.
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const other = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Other</title><p>another local program</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const port = (other.address() as AddressInfo).port;
  try {
    await page.goto(server.url);
    // The token has left the address bar, and the app works.
    await expect(page).toHaveURL(
      (url) =>
        url.origin === server.origin && url.search === '' && !url.href.includes(server.token),
    );
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();

    // The same browser, the same tab, then visits the other server, by both names.
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.goto(`http://localhost:${port}/api/settings.get`);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(seen)).not.toContain(server.token);
    expect(await page.context().cookies()).toEqual([]);

    // Whatever it received, replayed at Risalah (headers, and each value as a token), opens nothing.
    const replay = await playwright.request.newContext();
    for (const { headers } of seen) {
      const forwarded: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined || ['host', 'connection', 'content-length'].includes(name))
          continue;
        forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const asSent = await replay.post(`${server.origin}/api/settings.get`, {
        data: {},
        headers: forwarded,
      });
      expect(asSent.status()).toBe(401);
      for (const value of Object.values(forwarded)) {
        const asToken = await replay.post(`${server.origin}/api/settings.get`, {
          data: {},
          headers: { Authorization: `Bearer ${value}` },
        });
        expect(asToken.status()).toBe(401);
      }
    }
    await replay.dispose();

    // Back in the same tab, Risalah still works without the token in the address.
    await page.goto(`${server.origin}/`);
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});

test('browser mode refuses API calls without the token or with a foreign Host', async ({
  playwright,
  server,
}) => {
  const anonymous = await playwright.request.newContext();
  const noToken = await anonymous.post(`${server.origin}/api/settings.get`, { data: {} });
  expect(noToken.status()).toBe(401);
  const foreignHost = await anonymous.post(`${server.origin}/api/settings.get`, {
    data: {},
    headers: { Authorization: `Bearer ${server.token}`, Host: 'attacker.example' },
  });
  expect(foreignHost.status()).toBe(403);
  const ok = await anonymous.post(`${server.origin}/api/settings.get`, {
    data: {},
    headers: { Authorization: `Bearer ${server.token}` },
  });
  expect(await ok.json()).toEqual({ ok: true, value: { language: null, csvMappings: {} } });
  await anonymous.dispose();
});

test('the page runs under a strict Content Security Policy', async ({ browser, server }) => {
  // A page of its own: the blocked injection logs a CSP violation on purpose.
  const page = await browser.newPage();
  const response = await page.goto(server.url);
  const csp = (await response?.request().redirectedFrom()?.response())?.headers()[
    'content-security-policy'
  ];
  const final = response?.headers()['content-security-policy'] ?? csp ?? '';
  expect(final).toContain("script-src 'self'");
  expect(final).not.toContain('unsafe');
  // Inline script is blocked: the page cannot be made to run injected code.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await page.close();
});
