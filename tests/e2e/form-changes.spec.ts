import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExampleForum, openForumTab } from './steps';
import { wording } from './wording';

const t = wording('en');

/**
 * A record's form sends only what the delegate changed in it. Two windows on one workspace
 * (or a colleague's change arriving in a shared forum) can change another field of the same
 * record while the form is open; saving the form must not put the old value back.
 */

test.use({ systemLang: 'en_GB.UTF-8' });

async function editFirstCommitment(page: Page) {
  await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  return page.getByRole('dialog', { name: 'Edit commitment' });
}

test("saving a commitment's form keeps a status another window set while it was open", async ({
  page,
  server,
  context,
}) => {
  await page.goto(server.url);
  await openExampleForum(page, { example: 'Open an example', tab: 'Commitments' });

  // The first window opens the commitment's form and starts rewording it.
  const form = await editFirstCommitment(page);
  const statement = form.getByLabel('Statement (Indonesian)');
  const worded = `${await statement.inputValue()} (diperbarui)`;
  await statement.fill(worded);

  // Meanwhile a second window marks the same commitment done.
  const other = await context.newPage();
  await other.goto(server.url);
  await other
    .getByRole('navigation')
    .getByRole('button', { name: /WHRCF 2017/ })
    .click();
  await openForumTab(other, t, 'commitments');
  const otherForm = await editFirstCommitment(other);
  await otherForm.getByLabel('Status').selectOption({ label: 'Done' });
  await otherForm.getByRole('button', { name: 'Save' }).click();
  await expect(otherForm).toBeHidden();

  // The first window saves its rewording: both changes stand.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await other.reload();
  await openForumTab(other, t, 'commitments');
  const after = await editFirstCommitment(other);
  await expect(after.getByLabel('Statement (Indonesian)')).toHaveValue(worded);
  await expect(after.getByLabel('Status')).toHaveValue('done');
});
