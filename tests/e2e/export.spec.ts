import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { openExampleForum } from './steps';

test.use({ systemLang: 'en_GB.UTF-8' });

test('preview the travel report, see what is untranslated, save the HTML, and open it without a console error', async ({
  page,
  server,
  browser,
}, testInfo) => {
  await page.goto(server.url);
  await openExampleForum(page, { example: 'Open an example', tab: 'Export' });
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Ringkasan Komitmen' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Commitment Summary' })).toBeVisible();

  await page.getByLabel('Official travel report (laporan perjalanan dinas)').check();
  await page.getByRole('radio', { name: 'English', exact: true }).check();
  await expect(preview.getByRole('heading', { name: 'Official Travel Report' })).toBeVisible();
  await expect(
    preview.getByRole('heading', { name: 'Conclusions and recommendations' }),
  ).toBeVisible();
  const missing = page.getByRole('region', { name: 'Not yet written in English' });
  await expect(missing).toContainText('Lampung Timur dikenal');
  // The preview is the document: its letterhead, numbered sections, members and signatures.
  await expect(preview.locator('.kop img')).toBeVisible();
  await expect(
    preview.locator('table.grid').filter({ hasText: '19680412 199303 1 007' }),
  ).toBeVisible();
  await expect(preview.locator('table.signatures')).toContainText(
    'Drs. Hendra Wijaya Kusuma, M.Si.',
  );
  for (const [width, height] of [
    [1360, 860],
    [800, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`export-en-${width}.png`) });
  }
  await page.getByRole('radio', { name: 'Both', exact: true }).check();
  await expect(preview.locator('table.pair td[lang="en"]').first()).toBeVisible();
  // The app's clause cards do not reach the document: a clause reads as a numbered paragraph,
  // not as a bordered box one word wide.
  const clause = preview.locator('table.pair .clause').first();
  await expect(clause).toHaveCSS('display', 'block');
  await expect(clause).toHaveCSS('border-top-width', '0px');
  await page.screenshot({ path: testInfo.outputPath('export-both-800.png') });
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.screenshot({ path: testInfo.outputPath('export-both-1360.png'), fullPage: true });
  await page.getByRole('radio', { name: 'English', exact: true }).check();

  await page.getByLabel('Web page (.html)').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('whrcf-2017-travel-report-en.html');
  const html = await readFile(await file.path(), 'utf8');

  // The saved page, opened on its own, as the partner city would: no errors, readable.
  const reader = await browser.newPage();
  const errors: string[] = [];
  reader.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  reader.on('pageerror', (e) => errors.push(e.message));
  await reader.setContent(html);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('OFFICIAL TRAVEL REPORT');
  expect(errors).toEqual([]);
  await reader.close();
});

test('a PDF saved from the built app reads back, and a failed save says so next to the button, in the UI language', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await openExampleForum(page, { example: 'Open an example', tab: 'Export' });
  await page.getByLabel('PDF (A4)').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('whrcf-2017-summary-both-parallel.pdf');
  const pdf = await readFile(await file.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toHaveText(
    'Saved as whrcf-2017-summary-both-parallel.pdf.',
  );

  // The host fails the next export (as the PDF chunk of the built app once did).
  await page.route('**/api/export.file', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', params: {} } }),
    }),
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('The PDF (A4) file could not be made.');
  await expect(page.getByText(/Saved as/)).toHaveCount(0);

  // In Indonesian, the same failure reads in Indonesian.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('alert')).toContainText('Berkas PDF (A4) tidak dapat dibuat.');
});
