import { expect } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { layoutProblems } from './layout-checks';
import { exact } from './wording';
import type { wording } from './wording';

/**
 * What many tests do first, as a new user would: open the example forums from Home, pick one
 * in the navigation, and go to one of its tabs. Names are the UI's words in the test's language.
 */
export async function openExampleForum(
  page: Page,
  words: { example: string; tab: string; forum?: RegExp },
): Promise<void> {
  await page.getByRole('button', { name: words.example }).click();
  await page
    .getByRole('navigation')
    .getByRole('button', { name: words.forum ?? /WHRCF 2017/ })
    .click();
  await page.getByRole('tab', { name: words.tab }).click();
}

/**
 * Opens a forum section by its tab, or through "More" when the window is too narrow for it.
 * Which of the two it is can only be told once the tab bar has settled (it measures itself a
 * frame after showing), so each try looks again rather than deciding once.
 */
export async function openSection(page: Page, name: string | RegExp, moreLabel: string) {
  const direct = page.getByRole('tab', { name });
  const more = page.getByRole('button', { name: moreLabel });
  await expect(async () => {
    if (await direct.isVisible()) {
      await direct.click({ timeout: 2_000 });
    } else if (await more.isVisible()) {
      await more.click({ timeout: 2_000 });
      await page.getByRole('menuitem', { name }).click({ timeout: 2_000 });
    } else {
      throw new Error('the forum sections are not shown yet');
    }
    await expect(direct).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** A forum section by its key under `notebook:sections`, in the test's language. */
export async function openForumTab(page: Page, t: ReturnType<typeof wording>, key: string) {
  await openSection(page, exact(t(`notebook:sections.${key}`)), t('notebook:sections.moreLabel'));
}

/**
 * Takes a full-page screenshot for the report (looked at by people) once the fonts are in,
 * and checks the page's layout: nothing cut, overlapping or outside the window.
 */
export async function screenshotChecked(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  expect(await layoutProblems(page), name).toEqual([]);
}

/** The two window sizes every page is checked at: a laptop's and a small window's. */
export const WINDOW_SIZES = [
  { width: 1360, height: 860 },
  { width: 800, height: 700 },
] as const;

/**
 * `screenshotChecked` at both window sizes (named `<name>-1360`, `<name>-800`); the window is
 * back at 1360×860 afterwards.
 */
export async function screenshotsAtBothSizes(page: Page, testInfo: TestInfo, name: string) {
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await screenshotChecked(page, testInfo, `${name}-${size.width}`);
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
}

/** The example forum (WHRCF 2017) picked in the navigation, then one of its sections. */
export async function openWhrcfSection(page: Page, t: ReturnType<typeof wording>, key: string) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /WHRCF 2017/ })
    .first()
    .click();
  await openForumTab(page, t, key);
}
