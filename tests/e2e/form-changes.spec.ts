import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExampleForum, openForumTab, openWhrcfSection, screenshotsAtBothSizes } from './steps';
import { wording } from './wording';

const t = wording('en');

/**
 * A record's form sends only what the delegate changed in it. Two windows on one workspace
 * (or a colleague's change arriving in a shared forum) can change another field of the same
 * record while the form is open; saving the form must not put the old value back. Words added
 * to the same statement meanwhile stay beside the form's rewording.
 */

test.use({ systemLang: 'en_GB.UTF-8' });

/** Opens the form of the commitment whose card shows `words` (the first one if none given). */
async function editCommitment(page: Page, words?: string) {
  const cards = page.locator('.commitment', words ? { hasText: words } : {});
  await cards.first().getByRole('button', { name: 'Edit', exact: true }).click();
  return page.getByRole('dialog', { name: 'Edit commitment' });
}

test("saving a commitment's form keeps a status and words another window set while it was open", async ({
  page,
  server,
  context,
}) => {
  await page.goto(server.url);
  await openExampleForum(page, { example: 'Open an example', tab: 'Commitments' });

  // The first window opens the commitment's form and starts rewording it.
  const form = await editCommitment(page);
  // Found again by its English words: marked done, it moves to another group of the list.
  const english = await form.getByLabel('Statement (English)').inputValue();
  const statement = form.getByLabel('Statement (Indonesian)');
  const original = await statement.inputValue();
  // What neither window touches: the example's evidence for it.
  const evidence = await form.getByLabel('Evidence').inputValue();
  expect(evidence).not.toBe('');
  await statement.fill(`${original} (diperbarui)`);

  // Meanwhile a second window marks the same commitment done and adds a word before it.
  const other = await context.newPage();
  await other.goto(server.url);
  await openWhrcfSection(other, t, 'commitments');
  const otherForm = await editCommitment(other, english);
  await otherForm.getByLabel('Status').selectOption({ label: 'Done' });
  await otherForm.getByLabel('Statement (Indonesian)').fill(`Segera ${original}`);
  await otherForm.getByRole('button', { name: 'Save' }).click();
  await expect(otherForm).toBeHidden();

  // The first window saves its rewording: both changes stand.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await other.reload();
  await openForumTab(other, t, 'commitments');
  const after = await editCommitment(other, english);
  await expect(after.getByLabel('Statement (Indonesian)')).toHaveValue(
    `Segera ${original} (diperbarui)`,
  );
  await expect(after.getByLabel('Status')).toHaveValue('done');
  // Each save sent only its own fields; the evidence neither changed is still there.
  await expect(after.getByLabel('Evidence')).toHaveValue(evidence);
});

for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const) {
  test.describe(`the same words rewritten in two windows (${lang})`, () => {
    test.use({ systemLang });

    test('the second save is refused with what the statement reads now, and written when saved again', async ({
      page,
      server,
      context,
    }, testInfo) => {
      const w = wording(lang);
      const edit = async (p: Page, words: string) => {
        await p
          .locator('.commitment', { hasText: words })
          .first()
          .getByRole('button', { name: w('agreement:commitments.edit'), exact: true })
          .click();
        return p.getByRole('dialog', { name: w('agreement:commitmentForm.editTitle') });
      };
      await page.goto(server.url);
      await page.getByRole('button', { name: w('notebook:home.example') }).click();
      await openWhrcfSection(page, w, 'commitments');
      const form = await edit(page, '');
      const english = await form.getByLabel(w('agreement:commitmentForm.statementEn')).inputValue();
      const statement = form.getByLabel(w('agreement:commitmentForm.statementId'));
      const original = await statement.inputValue();
      const mine = original.replace('rencana aksi daerah HAM', 'RANHAM kabupaten');
      expect(mine).not.toBe(original);
      await statement.fill(mine);

      // The second window rewrites the same words and saves first.
      const other = await context.newPage();
      await other.goto(server.url);
      await openWhrcfSection(other, w, 'commitments');
      // A card shows the statement in the UI language.
      const card = (indonesian: string) => (lang === 'id' ? indonesian : english);
      const otherForm = await edit(other, card(original));
      const theirs = original.replace('rencana aksi daerah HAM', 'rencana aksi HAM daerah');
      await otherForm.getByLabel(w('agreement:commitmentForm.statementId')).fill(theirs);
      await otherForm.getByRole('button', { name: w('agreement:commitmentForm.save') }).click();
      await expect(otherForm).toBeHidden();

      // The first window's save is refused: it says what the statement reads now, and keeps
      // what was typed.
      await form.getByRole('button', { name: w('agreement:commitmentForm.save') }).click();
      await expect(form.getByRole('alert')).toHaveText(
        w('errors:statement-changed-elsewhere', { text: theirs }),
      );
      await expect(statement).toHaveValue(mine);
      await screenshotsAtBothSizes(page, testInfo, `${lang}-statement-changed`);

      // Saved again, knowingly: the typed statement is written.
      await form.getByRole('button', { name: w('agreement:commitmentForm.save') }).click();
      await expect(form).toBeHidden();
      await other.reload();
      await openForumTab(other, w, 'commitments');
      const after = await edit(other, card(mine));
      await expect(after.getByLabel(w('agreement:commitmentForm.statementId'))).toHaveValue(mine);
    });
  });
}
