import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const words = {
  id: {
    example: 'Buka contoh',
    openMenu: 'Buka menu',
    closeMenu: 'Tutup menu',
    menu: 'Menu',
    nav: 'Navigasi utama',
    more: 'Bagian forum lainnya',
    export: 'Ekspor',
    share: 'Berbagi',
    notes: 'Catatan',
  },
  en: {
    example: 'Open an example',
    openMenu: 'Open the menu',
    closeMenu: 'Close the menu',
    menu: 'Menu',
    nav: 'Main navigation',
    more: 'More forum sections',
    export: 'Export',
    share: 'Share',
    notes: 'Notes',
  },
};

/** Nothing on the page is wider than the window: no sideways scrolling. */
async function expectNoHorizontalOverflow(page: Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where}: page wider than the window`).toBeLessThanOrEqual(client);
}

/** Every tab of the forum sits on the same row. */
async function expectTabsOnOneRow(page: Page) {
  // The tab bar settles a frame after a resize (it measures what fits), so the rows are polled.
  const tops = () =>
    page
      .getByRole('tab')
      .evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
  expect((await tops()).length).toBeGreaterThan(1);
  await expect.poll(async () => new Set(await tops()).size).toBe(1);
}

for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const) {
  const w = words[lang];
  test.describe(`narrow window (${lang})`, () => {
    test.use({ systemLang, viewport: { width: 800, height: 700 } });

    test('the sidebar is a drawer: keyboard, focus kept inside, Escape closes', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.example }).click();
      // No sidebar beside the page: the navigation is behind the menu button.
      await expect(page.getByRole('navigation', { name: w.nav })).toBeHidden();
      const menu = page.getByRole('button', { name: w.openMenu });
      await menu.focus();
      await page.keyboard.press('Enter');
      const drawer = page.getByRole('dialog', { name: w.menu });
      await expect(drawer).toBeVisible();
      await expect(drawer.getByRole('navigation', { name: w.nav })).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');

      // Tab and Shift+Tab go round the drawer and never reach the page behind it.
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < 25; i++) {
          await page.keyboard.press(key);
          const inside = await drawer.evaluate((d) => d.contains(document.activeElement));
          expect(inside, `${key} #${i + 1} left the drawer`).toBe(true);
        }
      }

      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(menu).toBeFocused();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');

      // Choosing a forum in the drawer opens it and closes the drawer.
      await page.keyboard.press('Enter');
      await drawer.getByRole('button', { name: /WHRCF 2017/ }).click();
      await expect(drawer).toBeHidden();
      await expect(page.getByRole('tab', { selected: true })).toHaveText('Agenda');

      // The close button closes it as well.
      await menu.click();
      await drawer.getByRole('button', { name: w.closeMenu }).click();
      await expect(drawer).toBeHidden();
      await expectNoHorizontalOverflow(page, 'agenda');
    });

    test('the forum header is short, every tab is reachable, the editor is in view', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.example }).click();
      await page.getByRole('button', { name: w.openMenu }).click();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();

      const header = await page.locator('.forum-header').boundingBox();
      expect(header?.height, 'forum header height').toBeLessThan(700 * 0.25);
      await expectTabsOnOneRow(page);

      await page.getByRole('tab', { name: w.notes }).click();
      await page
        .getByRole('list', { name: new RegExp(`^${w.notes}$`) })
        .getByRole('button')
        .first()
        .click();
      // Both sides of the note start within the window, with room to type in the first.
      const editor = page.locator('textarea.note-text').first();
      await expect(editor).toBeInViewport();
      const box = await editor.boundingBox();
      expect(box && box.y + 150, 'top of the editor plus 150 px').toBeLessThanOrEqual(700);
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Ditulis di jendela sempit.');
      await expect(editor).toHaveValue(/Ditulis di jendela sempit\.$/);
      await expectNoHorizontalOverflow(page, 'notes');

      // Narrower still: what does not fit goes into "More", and Export is reached through it.
      await page.setViewportSize({ width: 520, height: 700 });
      await expectTabsOnOneRow(page);
      await expect(page.getByRole('tab', { name: w.export })).toHaveCount(0);
      await page.getByRole('button', { name: w.more }).click();
      await page.getByRole('menuitem', { name: w.export }).click();
      const exportTab = page.getByRole('tab', { name: w.export });
      await expect(exportTab).toHaveAttribute('aria-selected', 'true');
      await expect(exportTab).toBeInViewport();
      await expectTabsOnOneRow(page);
      await expectNoHorizontalOverflow(page, 'export, 520 px');

      // The arrow keys still go through every section, those in the menu included.
      await exportTab.focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: w.share })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: 'Agenda' })).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(page.getByRole('tab', { name: w.share })).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(page.getByRole('tab', { name: w.export })).toBeFocused();
      await expect(page.getByRole('tab', { name: w.export })).toHaveAttribute(
        'aria-selected',
        'true',
      );
    });
  });
}

test.describe('wide window', () => {
  test.use({ systemLang: 'en_GB.UTF-8', viewport: { width: 1360, height: 860 } });

  test('keeps the sidebar beside the page, with no menu button and every tab', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open an example' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open the menu' })).toHaveCount(0);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /WHRCF 2017/ })
      .click();
    await expect(page.getByRole('tab')).toHaveCount(8);
    await expect(page.getByRole('button', { name: 'More forum sections' })).toHaveCount(0);
    await expectTabsOnOneRow(page);
  });
});
