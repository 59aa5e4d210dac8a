import { expect, test } from './fixtures';
import { typeDateTime } from './forms';
import { openExampleForum } from './steps';

const english = `Gwangju Declaration on Human Rights Cities

We, the participants, gathered in Gwangju,

1. Reaffirm the Gwangju Guiding Principles for a Human
Rights City (2011);
2. Call on local governments to:
a) strengthen local and participatory democ-
racy;
b) protect human rights defenders.
3. Resolve to meet again in 2018.`;

const indonesian = `Butir 1 Menegaskan kembali Prinsip-Prinsip Panduan Gwangju (2011);
Butir 2 Menyerukan kepada pemerintah daerah untuk:
(a) memperkuat demokrasi lokal dan partisipatif;
(b) melindungi pembela HAM.`;

test.use({ systemLang: 'en_GB.UTF-8' });

test('paste a declaration, align the other language, take positions, commit, see it across forums', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New forum' }).first().click();
  const forumDialog = page.getByRole('dialog');
  await forumDialog.getByLabel('Name (English)').fill('World Human Rights Cities Forum 2017');
  await forumDialog.getByLabel('Time zone').fill('Asia/Seoul');
  await forumDialog.getByRole('button', { name: 'Create forum' }).click();
  await page.getByRole('tab', { name: 'Agreement' }).click();

  await page.getByRole('button', { name: 'New document' }).click();
  const documentDialog = page.getByRole('dialog');
  await documentDialog.getByLabel('Title (English)').fill('Gwangju Declaration 2017');
  await documentDialog.getByRole('button', { name: 'Save' }).click();

  // The English text, split and accepted.
  await page.getByRole('button', { name: 'Paste text' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste the text of the document' });
  await paste.getByLabel('Text', { exact: true }).fill(english);
  await paste.getByRole('button', { name: 'Split into clauses' }).click();
  await expect(paste.getByText('6 clauses found.', { exact: false })).toBeVisible();
  await expect(paste.getByLabel('Text of clause 2.a')).toHaveValue(
    'strengthen local and participatory democracy;',
  );
  // The title and preamble are not clauses: the delegate removes them from the split.
  await paste.getByRole('button', { name: 'Remove clause Preamble' }).click();
  await paste.getByRole('button', { name: 'Accept' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '5 clauses added and 0 updated.' }),
  ).toBeVisible();
  const clauses = page.getByRole('list', { name: 'Clauses' });
  await expect(clauses.getByRole('listitem')).toHaveCount(5);

  // The Indonesian text lines up by number; what did not align is shown.
  await page.getByRole('button', { name: 'Paste text' }).click();
  await expect(paste.getByLabel('Language of the text')).toHaveValue('id');
  await paste.getByLabel('Text', { exact: true }).fill(indonesian);
  await paste.getByRole('button', { name: 'Split into clauses' }).click();
  await expect(paste.getByText('4 clauses line up with the existing ones')).toBeVisible();
  await expect(paste.getByText('Clauses this text says nothing about: 3')).toBeVisible();
  await paste.getByRole('button', { name: 'Accept' }).click();
  await expect(clauses.getByRole('listitem', { name: '2.a' })).toContainText(
    'memperkuat demokrasi lokal dan partisipatif;',
  );

  // Positions on two clauses.
  await page.getByLabel('Position on clause 2.a').selectOption({ label: 'Commits' });
  await page.getByLabel('Position on clause 2.b').selectOption({ label: 'Supports' });
  await expect(page.getByLabel('Position on clause 2.a')).toHaveValue('commits');
  await expect(page.getByLabel('Position on clause 2.b')).toHaveValue('supports');

  // A commitment answering both.
  await page.getByRole('tab', { name: 'Commitments' }).click();
  await page.getByRole('button', { name: 'New commitment' }).click();
  const form = page.getByRole('dialog', { name: 'New commitment' });
  await form
    .getByLabel('Statement (Indonesian)')
    .fill('Membentuk forum warga di setiap kecamatan.');
  await form.getByLabel('Statement (English)').fill('Set up a residents’ forum in every district.');
  await form.getByRole('checkbox', { name: /^2\.a / }).check();
  await form.getByRole('checkbox', { name: /^2\.b / }).check();
  await form.getByLabel('Responsible unit').fill('Bagian Hukum Setda');
  await typeDateTime(form, 'Due date', '2030-06-30');
  await form.getByRole('button', { name: 'Save' }).click();
  // The dialog closes (its text field held the same words until then), the list shows it.
  await expect(form).toBeHidden();
  await expect(page.getByText('Set up a residents’ forum in every district.')).toBeVisible();

  // And across all forums.
  await page.getByRole('navigation').getByRole('button', { name: 'Commitments' }).click();
  await expect(page.getByRole('heading', { name: 'Commitments across all forums' })).toBeVisible();
  const item = page
    .getByRole('listitem')
    .filter({ hasText: 'Set up a residents’ forum in every district.' });
  await expect(item).toContainText('2.a, 2.b');
  await expect(item).toContainText('Bagian Hukum Setda');
  await expect(item).toContainText('Due 30 June 2030');
});

test('an empty paste and a paste with no numbering get a clear word, and nothing changes', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await openExampleForum(page, { example: 'Open an example', tab: 'Agreement' });
  const clauses = page.getByRole('list', { name: 'Clauses' });
  await expect(clauses.getByRole('listitem')).toHaveCount(7);
  await page.getByRole('button', { name: 'Paste text' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste the text of the document' });
  await paste.getByRole('button', { name: 'Split into clauses' }).click();
  await expect(paste.getByRole('alert')).toHaveText('The text is empty: paste the document first.');
  await expect(paste.getByRole('button', { name: 'Accept' })).toBeDisabled();
  await paste.getByRole('button', { name: 'Back to the text' }).click();
  await paste
    .getByLabel('Text', { exact: true })
    .fill('Kota menghormati HAM.\n\nKota melindungi warga.');
  await paste.getByRole('button', { name: 'Split into clauses' }).click();
  await expect(paste.getByRole('alert').first()).toContainText('No numbering was found');
  // Numbered 1 and 2 in order, they would replace the Indonesian text of clauses 1 and 2: asked first.
  await expect(paste.getByRole('alert').nth(1)).toContainText(
    'Accepting would replace the Indonesian text of 2 clauses.',
  );
  await expect(paste.getByRole('button', { name: 'Accept' })).toBeDisabled();
  await paste.getByRole('button', { name: 'Back to the text' }).click();
  await paste.getByRole('button', { name: 'Cancel' }).click();
  await expect(clauses.getByRole('listitem')).toHaveCount(7);
});
