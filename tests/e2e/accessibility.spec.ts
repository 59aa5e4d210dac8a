import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Serious and critical violations only: those that block a person from using the screen. */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking, where).toEqual([]);
}

for (const systemLang of ['id_ID.UTF-8', 'en_GB.UTF-8']) {
  test.describe(`accessibility (${systemLang.slice(0, 2)})`, () => {
    test.use({ systemLang });

    test('home, agenda, notes, search and shortcuts have no serious violations', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await expectAccessible(page, 'home, empty workspace');
      await page.getByRole('button', { name: /Buka contoh|Open an example/ }).click();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
      await expect(page.getByRole('tab', { selected: true })).toHaveText('Agenda');
      await expectAccessible(page, 'agenda');
      await page.keyboard.press('Alt+2');
      await page
        .getByRole('list', { name: /^(Catatan|Notes)$/ })
        .getByRole('button')
        .first()
        .click();
      await expectAccessible(page, 'note editor');
      await page.keyboard.press('Control+k');
      await page.getByRole('searchbox').fill('demokrasi');
      await expect(page.locator('mark').first()).toBeVisible();
      await expectAccessible(page, 'search');
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'shortcuts');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /Pengaturan|Settings/ }).click();
      await expectAccessible(page, 'settings');
    });
  });
}

test('every action is reachable from the keyboard alone', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Buka contoh|Open an example/ }).focus();
  await page.keyboard.press('Enter');
  const forum = page.getByRole('navigation').getByRole('button', { name: /WHRCF 2017/ });
  await forum.focus();
  await page.keyboard.press('Enter');
  const agendaTab = page.getByRole('tab', { name: 'Agenda' });
  await agendaTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { selected: true })).toHaveText(/Catatan|Notes/);
  await page.keyboard.press('Control+n');
  const textbox = page.getByRole('textbox', { name: 'Bahasa Indonesia', exact: true });
  await textbox.focus();
  await page.keyboard.type('Catatan dari papan ketik.');
  await expect(page.getByRole('list', { name: /^(Catatan|Notes)$/ })).toContainText(
    'Catatan dari papan ketik.',
  );
  // Focus is visible where it is.
  const outline = await textbox.evaluate((el) => getComputedStyle(el).boxShadow);
  expect(outline).not.toBe('none');
});
