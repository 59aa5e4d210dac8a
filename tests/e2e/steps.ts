import type { Page } from '@playwright/test';

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
