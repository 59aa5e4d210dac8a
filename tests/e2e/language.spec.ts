import { expect, test } from './fixtures';

test.describe('an Indonesian browser on an English system', () => {
  // Browser mode runs in the user's browser: its language counts, not the host's locale.
  test.use({ systemLang: 'en_GB.UTF-8', locale: 'id-ID' });

  test('opens in Indonesian, switches to English, and remembers it after a restart', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    // The token leaves the address bar (the route may follow it).
    await expect(page).toHaveURL(new RegExp(`^${server.origin}/(#/.*)?$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Risalah');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
    await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Saved');

    // The page leaves first, as in the other restart tests: its requests (the local-network
    // card asks the host for its state) must not meet the server gone.
    await page.goto('about:blank');
    await server.restart();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
  });

  test('settings offer to follow the browser again', async ({ page, server }) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByText(server.workspace)).toBeVisible();
    // The label itself changes language once clicked, so click rather than check().
    await page.getByLabel('Follow the browser (Indonesian)').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaturan');
    await expect(page.getByLabel('Mengikuti peramban (bahasa Indonesia)')).toBeChecked();
    await expect(page.getByText('Mode peramban (hanya komputer ini)')).toBeVisible();
    // Each language is offered by its own name, marked as such.
    await expect(page.getByRole('radio', { name: 'English' })).not.toBeChecked();
    await expect(
      page.locator('label.radio', { hasText: 'English' }).locator('span'),
    ).toHaveAttribute('lang', 'en');
  });
});

test.describe('a browser in a language Risalah does not speak', () => {
  test.use({ systemLang: 'id_ID.UTF-8', locale: 'de-DE' });

  test('opens in English, not in the host system’s Indonesian', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
  });
});

test.describe('an English browser on an Indonesian system', () => {
  test.use({ systemLang: 'id_ID.UTF-8', locale: 'en-GB' });

  test('opens in English', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
