import { expect, test } from './fixtures';
import { layoutProblems } from './layout-checks';
import type { LayoutProblem } from './layout-checks';
import { exact, wording } from './wording';
import { openSection } from './steps';

const sizes = [
  { width: 1360, height: 860 },
  { width: 800, height: 700 },
] as const;

/**
 * The visual check: every page and the dialogs that matter, in both languages at both sizes,
 * saved as PNGs beside the test's results (and attached to its report) for a person to look
 * at; on each, nothing may reach past the window or scroll sideways, and no text may be cut
 * off or spill out of its box without an ellipsis.
 */
for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const) {
  for (const size of sizes) {
    test.describe(`visual check (${lang}, ${size.width}×${size.height})`, () => {
      test.use({ systemLang, viewport: size });
      test.setTimeout(180_000);

      test('every page and dialog fits the window, with no text clipped', async ({
        page,
        server,
      }, testInfo) => {
        const t = wording(lang);
        const found: (LayoutProblem & { where: string })[] = [];
        const narrow = size.width < 1000;
        let shot = 0;

        async function look(name: string, options: { fullPage?: boolean } = {}) {
          // Let fonts, the tab bar's measurement and transitions settle before the picture.
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(150);
          shot++;
          const file = testInfo.outputPath(`${String(shot).padStart(2, '0')}-${name}.png`);
          await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
          await testInfo.attach(name, { path: file, contentType: 'image/png' });
          for (const problem of await layoutProblems(page)) found.push({ where: name, ...problem });
        }

        /** A page of the sidebar, through the drawer on a narrow window. */
        async function go(name: RegExp) {
          if (narrow) await page.getByRole('button', { name: t('common:shell.openMenu') }).click();
          await page.getByRole('navigation').getByRole('button', { name }).first().click();
        }

        async function tab(key: string) {
          const name = exact(t(`notebook:sections.${key}`));
          await openSection(page, name, t('notebook:sections.moreLabel'));
        }

        async function dialog(open: () => Promise<void>, name: string) {
          await open();
          await expect(page.locator('dialog[open]')).toBeVisible();
          await look(name, { fullPage: false });
          await page.keyboard.press('Escape');
          await expect(page.locator('dialog[open]')).toHaveCount(0);
        }

        await page.goto(server.url);
        await look('home-empty');
        await page.getByRole('button', { name: t('notebook:home.example') }).click();
        await expect(page.getByRole('navigation').or(page.locator('.topbar'))).toBeVisible();
        await look('home');
        await dialog(() => page.keyboard.press('F1'), 'shortcuts');
        await dialog(async () => {
          await page.keyboard.press('Control+k');
          await page.getByRole('searchbox').fill('demokrasi');
          await expect(page.locator('mark').first()).toBeVisible();
        }, 'search');

        await go(/WHRCF 2017/);
        await look('forum-agenda');
        await dialog(
          () => page.getByRole('button', { name: t('notebook:forumHeader.edit') }).click(),
          'forum-dialog',
        );
        await dialog(
          () => page.getByRole('button', { name: t('notebook:agenda.add') }).click(),
          'session-dialog',
        );

        await tab('notes');
        await page
          .getByRole('list', { name: exact(t('notebook:notes.listLabel')) })
          .getByRole('button')
          .first()
          .click();
        await expect(page.locator('textarea.note-text').first()).toBeInViewport();
        await look('forum-notes', { fullPage: false });

        await tab('agreement');
        await look('forum-agreement');
        await dialog(
          () =>
            page
              .getByRole('button', { name: t('agreement:documents.edit') })
              .first()
              .click(),
          'document-dialog',
        );

        await tab('commitments');
        await look('forum-commitments');
        await dialog(
          () =>
            page
              .getByRole('button', { name: t('agreement:commitments.new') })
              .first()
              .click(),
          'commitment-dialog',
        );

        await tab('contacts');
        await look('forum-contacts');
        await tab('report');
        await look('forum-report');
        await tab('export');
        await look('forum-export');

        await go(exact(t('common:nav.commitments')));
        await look('commitments');
        await go(exact(t('common:nav.contacts')));
        await look('contacts');
        // The contact form opens beside the list.
        await page.getByRole('button', { name: t('contacts:new') }).click();
        await look('contact-form');

        // Something in the Trash, then Settings with it.
        await go(/WHRCF 2017/);
        await tab('notes');
        await page
          .getByRole('list', { name: exact(t('notebook:notes.listLabel')) })
          .getByRole('button')
          .first()
          .click();
        await page.getByRole('button', { name: t('notebook:editor.delete') }).click();
        await go(exact(t('common:nav.settings')));
        await expect(page.getByRole('heading', { name: t('notebook:trash.title') })).toBeVisible();
        await look('settings-trash');

        const lines = found.map(
          (p) => `${p.where}: ${p.kind}: ${p.element} (${p.detail}) "${p.text}"`,
        );
        expect([...new Set(lines)], 'layout problems').toEqual([]);
      });
    });
  }
}
