import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openForumTab, screenshotChecked, openWhrcfSection } from './steps';
import { exact, wording } from './wording';

/**
 * One note open in two windows of one workspace, as a colleague's change arrives in a shared
 * forum: each save says what text it was typed on, and the app carries it onto the text as it
 * is now. Words added apart are both kept; a rewrite of the very words being typed keeps the
 * typing in the note's history, says so, and Undo puts it back.
 */

const SIDE = { id: 'Bahasa Indonesia', en: 'Indonesian' };
const OPENING = 'Rapat ditunda sampai besok pagi.';
const TYPED = ' pukul sembilan';
const REWRITTEN = 'Sidang batal; tidak ada jadwal pengganti.';

for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const) {
  test.describe(`two windows on one note (${lang})`, () => {
    test.use({ systemLang });

    test('words added apart are both kept; a rewrite of the typed words is stated and undoable', async ({
      page,
      context,
      server,
    }, testInfo) => {
      const t = wording(lang);
      const saved = (p: Page) =>
        expect(p.locator('[role=status][data-state="saved"]')).toBeVisible();
      await page.goto(server.url);
      await page
        .getByRole('button', { name: t('notebook:home.example') })
        .first()
        .click();
      await openWhrcfSection(page, t, 'notes');
      await page.getByRole('button', { name: t('notebook:notes.new') }).click();
      const mine = page.getByRole('textbox', { name: SIDE[lang], exact: true });
      await mine.fill(OPENING);
      await saved(page);

      // The same note in a second window: a sentence added at its end.
      const other = await context.newPage();
      await other.goto(server.url);
      await openWhrcfSection(other, t, 'notes');
      await other
        .getByRole('list', { name: exact(t('notebook:notes.listLabel')) })
        .getByText(OPENING)
        .click();
      const theirs = other.getByRole('textbox', { name: SIDE[lang], exact: true });
      await expect(theirs).toHaveValue(OPENING);
      await theirs.press('Control+End');
      await theirs.pressSequentially(' Budi hadir.');
      await saved(other);

      // The first window, which never saw it, types at the start: both stay.
      await mine.press('Control+Home');
      await mine.pressSequentially('Ayu: ');
      await expect(mine).toHaveValue(`Ayu: ${OPENING} Budi hadir.`);
      await saved(page);

      // The second window rewrites the whole text; the first adds words to what it showed.
      await other.reload();
      await openForumTab(other, t, 'notes');
      await other
        .getByRole('list', { name: exact(t('notebook:notes.listLabel')) })
        .getByText(/Ayu:/)
        .click();
      await expect(theirs).toHaveValue(`Ayu: ${OPENING} Budi hadir.`);
      await theirs.fill(REWRITTEN);
      await saved(other);
      await mine.press('Control+End');
      await mine.pressSequentially(TYPED);
      const notice = page.getByText(t('notebook:toast.mergedPartly'));
      await expect(notice).toBeVisible();
      await screenshotChecked(page, testInfo, `${lang}-1360-merge-notice`);
      await page.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(page, testInfo, `${lang}-800-merge-notice`);
      const typed = `Ayu: ${OPENING} Budi hadir.${TYPED}`;
      await page.getByRole('button', { name: t('notebook:toast.undo') }).click();
      await expect(mine).toHaveValue(typed);
      await saved(page);
      await other.reload();
      await openForumTab(other, t, 'notes');
      await other
        .getByRole('list', { name: exact(t('notebook:notes.listLabel')) })
        .getByText(/Ayu:/)
        .click();
      await expect(theirs).toHaveValue(typed);
    });
  });
}
