import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openForumTab, screenshotChecked, screenshotsAtBothSizes } from './steps';
import {
  api,
  DEWI,
  handOver,
  INDONESIAN_SIDE,
  notePurgedByDewi,
  otherWorkspace,
} from './team-steps';
import { exact, wording } from './wording';
import type { Lang } from './wording';

/**
 * What a colleague (or another window) wrote is never only in a notice: when both rewrote
 * the same words, the text the delegate's replaced is kept where it survives a reload (the
 * clause's history for a position's reason, the report's history for its narrative) and can
 * be put back from there.
 */

const saved = (p: Page) => expect(p.locator('[role=status][data-state="saved"]')).toBeVisible();

/** The example forum in this window (made first when `make`), on one of its sections. */
async function openExample(
  p: Page,
  url: string,
  t: ReturnType<typeof wording>,
  tab: string,
  make = false,
) {
  await p.goto(url);
  if (make)
    await p
      .getByRole('button', { name: t('notebook:home.example') })
      .first()
      .click();
  await p
    .getByRole('navigation')
    .getByRole('button', { name: /WHRCF 2017/ })
    .click();
  await openForumTab(p, t, tab);
}

for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const satisfies readonly (readonly [string, Lang])[]) {
  test.describe(`replaced texts kept (${lang})`, () => {
    test.use({ systemLang });

    test("a position's reason rewritten in two windows: the other reason is in the clause's history after a reload, and goes back", async ({
      page,
      context,
      server,
    }, testInfo) => {
      const t = wording(lang);
      const REWRITTEN = 'Belum dibahas dengan Bappeda; menunggu rapat pimpinan.';
      const TYPED = ' dan RPJMD 2021';
      await page.setViewportSize({ width: 1360, height: 860 });
      await openExample(page, server.url, t, 'agreement', true);
      const reasonIn = (p: Page) =>
        p.getByRole('textbox', { name: `${t('agreement:clauses.reasonId')} · 2`, exact: true });
      const first = reasonIn(page);
      const opening = await first.inputValue();
      expect(opening).not.toBe('');

      // A second window rewrites the reason; the first, which still shows the old one, adds to it.
      const other = await context.newPage();
      await openExample(other, server.url, t, 'agreement');
      await reasonIn(other).fill(REWRITTEN);
      await saved(other);
      await first.press('End');
      await first.pressSequentially(TYPED);
      await expect(page.getByText(t('notebook:toast.reasonMergedPartly'))).toBeVisible();
      await expect(first).toHaveValue(`${opening}${TYPED}`);
      await screenshotChecked(page, testInfo, `${lang}-1360-reason-notice`);
      await page.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(page, testInfo, `${lang}-800-reason-notice`);
      await page.setViewportSize({ width: 1360, height: 860 });

      // After a reload the notice is gone; the other reason is in the clause's history.
      await page.reload();
      await openForumTab(page, t, 'agreement');
      await expect(first).toHaveValue(`${opening}${TYPED}`);
      await page
        .getByRole('button', { name: t('agreement:clauses.history', { number: '2' }) })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('button', { name: t('agreement:clauses.reasonVersion.merge') })
        .click();
      await expect(dialog.getByText(REWRITTEN)).toBeVisible();
      await screenshotChecked(page, testInfo, `${lang}-1360-reason-history`);
      await page.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(page, testInfo, `${lang}-800-reason-history`);
      await dialog.getByRole('button', { name: t('notebook:history.restore') }).click();
      await expect(first).toHaveValue(REWRITTEN);
      await saved(page);
      // And it stays: the other window reads it back.
      await other.reload();
      await openForumTab(other, t, 'agreement');
      await expect(reasonIn(other)).toHaveValue(REWRITTEN);
    });

    test("the report's narrative rewritten in two windows: the other text is in its History after a reload, and goes back", async ({
      page,
      context,
      server,
    }, testInfo) => {
      const t = wording(lang);
      const SIDE = { id: 'Bahasa Indonesia', en: 'Indonesian' }[lang];
      const OPENING = 'Delegasi mengikuti sidang pleno dan dua sesi paralel.';
      const REWRITTEN = 'Tidak ada kegiatan; acara dibatalkan karena topan.';
      const MINE = 'Delegasi mengikuti sidang pleno, dua sesi paralel, dan kunjungan lapangan.';
      const results = (p: Page) =>
        p.getByRole('textbox', { name: `${t('report:texts.results')} · ${SIDE}`, exact: true });
      await page.setViewportSize({ width: 1360, height: 860 });
      await openExample(page, server.url, t, 'report', true);
      await results(page).fill(OPENING);
      await saved(page);

      const other = await context.newPage();
      await openExample(other, server.url, t, 'report');
      await expect(results(other)).toHaveValue(OPENING);

      // The first window's next save is on its way (held) while the second rewrites the text.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding = true;
      await page.route('**/api/report.update', async (route) => {
        if (holding) {
          holding = false;
          await held;
        }
        await route.continue();
      });
      await results(page).fill(MINE);
      await expect.poll(() => holding).toBe(false);
      await results(other).fill(REWRITTEN);
      await saved(other);
      release();
      await expect(page.getByText(t('notebook:toast.reportMergedPartly'))).toBeVisible();
      await expect(results(page)).toHaveValue(MINE);
      await saved(page);
      await screenshotChecked(page, testInfo, `${lang}-1360-report-notice`);
      await page.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(page, testInfo, `${lang}-800-report-notice`);

      // Reloaded, the notice is gone; the text's History still has the other text.
      await page.setViewportSize({ width: 1360, height: 860 });
      await page.reload();
      await openForumTab(page, t, 'report');
      await expect(results(page)).toHaveValue(MINE);
      const history = t('notebook:history.title', { what: t('report:texts.results') });
      await page.getByRole('button', { name: history }).click();
      const dialog = page.getByRole('dialog', { name: history });
      await dialog.getByRole('button', { name: t('report:texts.replacedAtMerge') }).click();
      await expect(dialog.getByText(REWRITTEN)).toBeVisible();
      await screenshotChecked(page, testInfo, `${lang}-1360-report-history`);
      await page.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(page, testInfo, `${lang}-800-report-history`);
      await dialog.getByRole('button', { name: t('notebook:history.restore') }).click();
      await expect(results(page)).toHaveValue(REWRITTEN);
      await saved(page);
      await other.reload();
      await openForumTab(other, t, 'report');
      await expect(results(other)).toHaveValue(REWRITTEN);
    });

    test('a note deleted for good on one laptop and edited twice apart on the other keeps both edits, and says so', async ({
      page,
      server,
    }, testInfo) => {
      // Two servers started four times, and four CLI runs.
      test.setTimeout(240_000);
      const t = wording(lang);
      const laptopB = await otherWorkspace(systemLang);
      const { server: serverB, file } = laptopB;
      const EDIT_ID = 'Ditambahkan Rina: Wali Kota Gwangju menutup sesi.';
      const EDIT_EN = 'Added by Rina: the Mayor of Gwangju closed the session.';
      try {
        await page.setViewportSize({ width: 1360, height: 860 });
        // Dewi, on her laptop, trashes the note and empties it from the Trash.
        const { forumId, id, before } = await notePurgedByDewi(page, server, laptopB, t);
        // Rina writes in it and sends it: on Dewi's laptop it comes back with her edit.
        const rinaWrites = async (body: { id?: string; en?: string }) => {
          await server.start();
          await api(server, 'notes.update', { forumId, id, patch: { body } });
          await server.stop();
        };
        await rinaWrites({ id: `${before.body.id} ${EDIT_ID}` });
        await handOver(forumId, server.workspace, serverB.workspace, file);
        // Before Dewi's file comes back, Rina writes on in the English side.
        await rinaWrites({ en: `${before.body.en} ${EDIT_EN}` });
        await handOver(forumId, serverB.workspace, server.workspace, file);

        await server.start();
        await page.goto(server.url);
        await page
          .getByRole('navigation')
          .getByRole('button', { name: /WHRCF 2017/ })
          .first()
          .click();
        await openForumTab(page, t, 'notes');
        const list = page.getByRole('list', { name: exact(t('notebook:notes.listLabel')) });
        const firstLine = (before.body[lang].split('\n')[0] ?? '').replace(/^#+\s*/, '');
        await list.getByRole('button', { name: new RegExp(`^${firstLine} `) }).click();
        await expect(page.getByRole('status').filter({ hasText: DEWI }).locator('p')).toHaveText(
          t('notebook:editor.keptFromPurgeBoth', { name: DEWI }),
        );
        await expect(
          page.getByRole('textbox', { name: INDONESIAN_SIDE[lang], exact: true }),
        ).toHaveValue(new RegExp(EDIT_ID));
        await expect(
          page.getByRole('textbox', {
            name: lang === 'id' ? 'Bahasa Inggris' : 'English',
            exact: true,
          }),
        ).toHaveValue(new RegExp(EDIT_EN));
        await screenshotsAtBothSizes(page, testInfo, `${lang}-kept-from-purge-both`);
      } finally {
        await laptopB.dispose();
      }
    });
  });
}
