import { expect, test } from './fixtures';

test('browser mode refuses a page opened without the token', async ({ browser, server }) => {
  // A page of its own: the 401 it shows is the expected outcome, not a console error.
  const page = await browser.newPage();
  const response = await page.goto(`${server.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Token akses diperlukan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Access token needed' })).toBeVisible();
  await page.close();
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
