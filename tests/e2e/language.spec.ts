import { expect, test } from './fixtures';

test.describe('on an Indonesian system', () => {
  test.use({ systemLang: 'id_ID.UTF-8' });

  test('opens in Indonesian, switches to English, and remembers it after a restart', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await expect(page).toHaveURL(`${server.origin}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Risalah');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
    await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Saved');

    await server.restart();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
  });

  test('settings offer to follow the system again', async ({ page, server }) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByText(server.workspace)).toBeVisible();
    // The label itself changes language once clicked, so click rather than check().
    await page.getByLabel('Follow the system (Bahasa Indonesia)').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaturan');
    await expect(page.getByLabel('Mengikuti sistem (Bahasa Indonesia)')).toBeChecked();
    await expect(page.getByText('Mode peramban (hanya komputer ini)')).toBeVisible();
  });
});

test.describe('on an English system', () => {
  test.use({ systemLang: 'en_GB.UTF-8' });

  test('opens in English', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Risalah');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
