import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Lang = 'id' | 'en';
const root = join(import.meta.dirname, '..', '..');
const vcards = join(root, 'tests', 'fixtures', 'vcards');

/** The UI's own strings, so each path runs the same in both languages. */
function strings(lang: Lang) {
  const load = (ns: string) =>
    JSON.parse(readFileSync(join(root, 'locales', lang, `${ns}.json`), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
  const ns = {
    common: load('common'),
    notebook: load('notebook'),
    agreement: load('agreement'),
    contacts: load('contacts'),
  };
  return (key: string, params: Record<string, string | number> = {}): string => {
    const [space, path] = key.split(':') as [keyof typeof ns, string];
    let value: unknown = ns[space];
    for (const part of path.split('.')) value = (value as Record<string, unknown>)[part];
    if (typeof value !== 'string') throw new Error(`no string ${key}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
  };
}

const example = {
  forum: {
    id: 'Forum Kota Hak Asasi Manusia Sedunia 2017',
    en: 'World Human Rights Cities Forum 2017',
  },
  session: { id: 'Upacara Pembukaan', en: 'Opening Ceremony' },
  note: { id: 'Demokrasi lokal yang partisipatif', en: 'Participatory local democracy' },
  commitment: {
    id: 'Melaporkan kemajuan Kabupaten Ramah HAM pada WHRCF 2018.',
    en: 'Report the progress of the human-rights-friendly regency at WHRCF 2018.',
  },
  document: {
    id: 'Deklarasi Gwangju 2017 (contoh, kutipan bebas)',
    en: 'Gwangju Declaration 2017 (example, paraphrased)',
  },
  reason: { id: 'Sejalan dengan Perbup 48/2016.', en: 'In line with Regent Regulation 48/2016.' },
  clause4: {
    id: 'Membangun perdamaian di kota melalui dialog, rekonsiliasi, dan pendidikan HAM.',
    en: 'Build peace in cities through dialogue, reconciliation and human rights education.',
  },
};

const englishDeclaration = `1. Reaffirm the Gwangju Guiding Principles for a Human Rights City (2011) as the framework for local human rights policy.
2. Strengthen local and participatory democracy so that all residents take part in the decisions that affect them, in particular:
a) in local planning and budgeting;
b) by involving migrant workers, persons with disabilities, women and children.
3. Protect human rights defenders and guarantee freedom of expression at the local level.
4. Build peace in cities through dialogue, reconciliation and human rights education.
5. Report progress at the next World Human Rights Cities Forum.`;

for (const lang of ['id', 'en'] as const) {
  const t = strings(lang);
  const ex = <K extends keyof typeof example>(k: K) => example[k][lang];

  test.describe(`trash and undo (${lang})`, () => {
    test.use({ systemLang: lang === 'id' ? 'id_ID.UTF-8' : 'en_GB.UTF-8' });

    const openExampleForum = async (page: Page) => {
      await page.getByRole('button', { name: t('notebook:home.example') }).click();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
    };
    const tab = (page: Page, name: string) =>
      page.getByRole('tab', { name: t(`notebook:sections.${name}`) }).click();
    const toast = (page: Page) => page.getByRole('status', { name: t('notebook:toast.label') });
    const undo = async (page: Page, kind: string) => {
      await expect(toast(page)).toContainText(t(`notebook:toast.deleted.${kind}`));
      await toast(page)
        .getByRole('button', { name: t('notebook:toast.undo') })
        .click();
      await expect(toast(page)).toContainText(t('notebook:toast.undone'));
    };
    /** Settings → Trash: the entry is listed with its kind, forum and date, then restored. */
    const restoreFromTrash = async (page: Page, kind: string, item: string, forum: string) => {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.settings') })
        .click();
      const trash = page.getByRole('region', { name: t('notebook:trash.title') });
      const row = trash.getByRole('row').filter({ hasText: item });
      await expect(row).toContainText(`${t(`notebook:trash.kinds.${kind}`)}:`);
      await expect(row).toContainText(forum);
      await expect(row.getByRole('cell').nth(2)).toHaveText(/\d{4}/);
      await row.getByRole('button', { name: t('notebook:trash.restoreLabel', { item }) }).click();
      await expect(row).toHaveCount(0);
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
    };

    test('forum, session and note: Undo and the Trash both bring them back', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await openExampleForum(page);

      // Session: its notes keep pointing at it.
      await tab(page, 'agenda');
      const deleteSession = page.getByRole('button', {
        name: `${t('notebook:agenda.delete')}: ${ex('session')}`,
      });
      await deleteSession.click();
      await expect(deleteSession).toHaveCount(0);
      await undo(page, 'session');
      await expect(deleteSession).toHaveCount(1);
      await deleteSession.click();
      await restoreFromTrash(page, 'session', ex('session'), ex('forum'));
      await tab(page, 'agenda');
      await expect(deleteSession).toHaveCount(1);

      // Note.
      await tab(page, 'notes');
      const list = page.getByRole('list', { name: t('notebook:notes.listLabel') });
      const note = list.getByRole('button', { name: new RegExp(ex('note')) });
      await note.click();
      await page.getByRole('button', { name: t('notebook:editor.delete') }).click();
      await expect(note).toHaveCount(0);
      await undo(page, 'note');
      await expect(note).toHaveCount(1);
      await page.getByRole('button', { name: t('notebook:editor.delete') }).click();
      await expect(note).toHaveCount(0);
      await restoreFromTrash(page, 'note', ex('note'), ex('forum'));
      await tab(page, 'notes');
      await expect(note).toHaveCount(1);

      // Forum, with Ctrl+Z while the toast shows.
      await page.getByRole('button', { name: t('notebook:forums.delete') }).click();
      await expect(page.getByRole('button', { name: /WHRCF 2017/ })).toHaveCount(0);
      await expect(toast(page)).toContainText(t('notebook:toast.deleted.forum'));
      await page.keyboard.press('Control+z');
      await expect(
        page.getByRole('navigation').getByRole('button', { name: /WHRCF 2017/ }),
      ).toHaveCount(1);
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
      await page.getByRole('button', { name: t('notebook:forums.delete') }).click();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.settings') })
        .click();
      const trash = page.getByRole('region', { name: t('notebook:trash.title') });
      await trash
        .getByRole('button', { name: t('notebook:trash.restoreLabel', { item: ex('forum') }) })
        .click();
      await expect(trash).toContainText(t('notebook:trash.empty'));
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
      await tab(page, 'notes');
      await expect(note).toHaveCount(1);
    });

    test('clause, clause document, reason and commitment come back with their links', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await openExampleForum(page);
      const clauses = page.getByRole('list', { name: t('agreement:clauses.label') });
      const clause5 = clauses.getByRole('listitem', { name: '5', exact: true });
      const answered = async (numbers: string) => {
        await tab(page, 'commitments');
        const card = page.locator('li.commitment').filter({ hasText: ex('commitment') });
        await expect(card).toContainText(`${t('agreement:commitments.clauses')}${numbers}`);
      };

      // A clause a commitment answers: gone from the commitment, then answered again.
      await tab(page, 'agreement');
      await clause5.getByRole('button', { name: t('agreement:clauses.delete') }).click();
      await expect(clause5).toHaveCount(0);
      await undo(page, 'clause');
      await expect(clause5).toHaveCount(1);
      await answered('5');
      await tab(page, 'agreement');
      await clause5.getByRole('button', { name: t('agreement:clauses.delete') }).click();
      await expect(clause5).toHaveCount(0);
      await restoreFromTrash(page, 'clause', '5 · ', ex('forum'));
      await answered('5');

      // The document takes its clauses to the Trash and brings them back.
      await tab(page, 'agreement');
      await page.getByRole('button', { name: t('agreement:documents.delete') }).click();
      await expect(clauses).toHaveCount(0);
      await undo(page, 'clauseDocument');
      await expect(clauses.getByRole('listitem', { name: '4', exact: true })).toContainText(
        ex('clause4'),
      );
      await page.getByRole('button', { name: t('agreement:documents.delete') }).click();
      await expect(clauses).toHaveCount(0);
      await restoreFromTrash(page, 'clauseDocument', ex('document'), ex('forum'));
      await answered('5');

      // A position reason cleared: in the Trash, and back in its field.
      await tab(page, 'agreement');
      const clause2 = clauses.getByRole('listitem', { name: '2', exact: true });
      const reasonField = clause2.getByLabel(
        `${t(`agreement:clauses.reason${lang === 'id' ? 'Id' : 'En'}`)} · 2`,
        { exact: true },
      );
      await expect(reasonField).toHaveValue(ex('reason'));
      await reasonField.fill('');
      await reasonField.blur();
      await undo(page, 'reason');
      await expect(reasonField).toHaveValue(ex('reason'));
      await reasonField.fill('');
      await reasonField.blur();
      await expect(toast(page)).toContainText(t('notebook:toast.deleted.reason'));
      await restoreFromTrash(page, 'reason', `2 · ${ex('reason')}`, ex('forum'));
      await tab(page, 'agreement');
      await expect(reasonField).toHaveValue(ex('reason'));

      // A commitment.
      await tab(page, 'commitments');
      const card = page.locator('li.commitment').filter({ hasText: ex('commitment') });
      await card.getByRole('button', { name: t('agreement:commitments.delete') }).click();
      await expect(card).toHaveCount(0);
      await undo(page, 'commitment');
      await expect(card).toHaveCount(1);
      await card.getByRole('button', { name: t('agreement:commitments.delete') }).click();
      await expect(card).toHaveCount(0);
      await restoreFromTrash(page, 'commitment', ex('commitment'), ex('forum'));
      await answered('5');
    });

    test('contact and merge: Undo, the Trash, and deleting for good', async ({ page, server }) => {
      await page.goto(server.url);
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.contacts') })
        .click();
      const dialog = page.getByRole('dialog', { name: t('contacts:importDialog.title') });
      for (let i = 0; i < 2; i++) {
        await page.getByLabel(t('contacts:import')).setInputFiles(join(vcards, 'android-2.1.vcf'));
        await dialog.getByRole('button', { name: t('contacts:importDialog.accept') }).click();
        await expect(dialog).toBeHidden();
      }
      const list = page.getByRole('list', { name: t('contacts:title') });
      await expect(list.getByRole('button')).toHaveCount(4);

      // A merge, undone: both cards again.
      const merge = async () => {
        await page.getByRole('button', { name: t('contacts:duplicates') }).click();
        const dialog = page.getByRole('dialog', { name: t('contacts:mergeDialog.title') });
        await dialog
          .getByRole('button', { name: t('contacts:mergeDialog.merge') })
          .first()
          .click();
        await expect(list.getByRole('button')).toHaveCount(3);
      };
      await merge();
      await expect(toast(page)).toBeVisible();
      await toast(page)
        .getByRole('button', { name: t('notebook:toast.undo') })
        .click();
      await expect(list.getByRole('button')).toHaveCount(4);
      // … and undone from the Trash.
      await merge();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.settings') })
        .click();
      const trash = page.getByRole('region', { name: t('notebook:trash.title') });
      const row = trash.getByRole('row').filter({ hasText: t('notebook:trash.kinds.merge') });
      await expect(row).toContainText('→');
      await row
        .getByRole('button', { name: new RegExp(t('notebook:trash.restore')) })
        .first()
        .click();
      await expect(trash).toContainText(t('notebook:trash.empty'));
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.contacts') })
        .click();
      await expect(list.getByRole('button')).toHaveCount(4);

      // A contact: Undo, then the Trash, then deleted for good after confirming.
      const first = list.getByRole('button').first();
      const name = (await first.innerText()).split('\n')[0] ?? '';
      await first.click();
      await page.getByRole('button', { name: t('contacts:delete') }).click();
      await expect(list.getByRole('button')).toHaveCount(3);
      await undo(page, 'contact');
      await expect(list.getByRole('button')).toHaveCount(4);
      await list.getByRole('button').first().click();
      await page.getByRole('button', { name: t('contacts:delete') }).click();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.settings') })
        .click();
      const contactRow = trash
        .getByRole('row')
        .filter({ hasText: t('notebook:trash.kinds.contact') });
      await expect(contactRow).toContainText(name);
      await contactRow
        .getByRole('button', { name: t('notebook:trash.purgeLabel', { item: name }) })
        .click();
      const confirm = page.getByRole('dialog', { name: t('notebook:trash.purgeTitle') });
      await expect(confirm).toContainText(name);
      await confirm.getByRole('button', { name: t('notebook:trash.purgeCancel') }).click();
      await expect(contactRow).toHaveCount(1);
      await contactRow
        .getByRole('button', { name: t('notebook:trash.purgeLabel', { item: name }) })
        .click();
      await confirm.getByRole('button', { name: t('notebook:trash.purgeConfirm') }).click();
      await expect(trash).toContainText(t('notebook:trash.empty'));
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('common:nav.contacts') })
        .click();
      await expect(list.getByRole('button')).toHaveCount(3);
    });

    test('English pasted under Indonesian is caught; the replaced text comes back from history', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await openExampleForum(page);
      await tab(page, 'agreement');
      const clauses = page.getByRole('list', { name: t('agreement:clauses.label') });
      const clause4 = clauses.getByRole('listitem', { name: '4', exact: true });
      await expect(clause4).toContainText(example.clause4.id);

      await page.getByRole('button', { name: t('agreement:clauses.paste') }).click();
      const paste = page.getByRole('dialog', { name: t('agreement:paste.title') });
      await paste.getByLabel(t('agreement:paste.language')).selectOption('id');
      await paste.getByLabel(t('agreement:paste.text'), { exact: true }).fill(englishDeclaration);
      await paste.getByRole('button', { name: t('agreement:paste.split') }).click();
      const names = (l: Lang) => t(`agreement:paste.languageNames.${l}`);
      await expect(paste.getByRole('alert').first()).toContainText(
        t('agreement:paste.mismatch', { detected: names('en'), side: names('id') }),
      );
      const guard = paste.getByRole('alert').filter({
        hasText: t('agreement:paste.replaceTitle_other', { count: 7, side: names('id') }),
      });
      await expect(guard).toBeVisible();
      await expect(guard.getByRole('row').filter({ hasText: example.clause4.id })).toContainText(
        example.clause4.en,
      );
      const accept = paste.getByRole('button', { name: t('agreement:paste.accept') });
      await expect(accept).toBeDisabled();
      await guard
        .getByLabel(t('agreement:paste.choiceReplace_other', { count: 7, side: names('id') }))
        .check();
      await accept.click();
      await expect(paste).toBeHidden();
      await expect(clause4.locator('.clause-texts p[lang="id"]')).toHaveText(example.clause4.en);

      // The Indonesian text is in the clause's history, shown beside the current one, and restorable.
      await clause4
        .getByRole('button', { name: t('agreement:clauses.history', { number: '4' }) })
        .click();
      const history = page.getByRole('dialog', {
        name: t('notebook:history.title', { what: t('agreement:clauses.clause', { number: '4' }) }),
      });
      await expect(
        history.getByRole('region', { name: t('notebook:history.thisVersion') }),
      ).toContainText(example.clause4.id);
      await expect(
        history.getByRole('region', { name: t('notebook:history.current') }),
      ).toContainText(example.clause4.en);
      await history.getByRole('button', { name: t('notebook:history.restore') }).click();
      await expect(clause4.locator('.clause-texts p[lang="id"]')).toHaveText(example.clause4.id);
      await history.getByRole('button', { name: t('notebook:history.close') }).click();

      // The restore is undoable too: Undo puts the pasted text back.
      await toast(page)
        .getByRole('button', { name: t('notebook:toast.undo') })
        .click();
      await expect(clause4.locator('.clause-texts p[lang="id"]')).toHaveText(example.clause4.en);
    });
  });
}
