import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect as baseExpect, test } from './fixtures';
import type { RisalahServer } from './fixtures';
import { openWhrcfSection, screenshotsAtBothSizes } from './steps';
import {
  actAs,
  api,
  DEWI,
  exampleForumId,
  handOver,
  notePurgedByDewi,
  otherWorkspace,
  RINA,
} from './team-steps';
import { exact, wording } from './wording';

// Servers restart and the CLI merges: seconds each on a machine shared by many processes.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * A conflict is stated where the field is edited and wherever the record is listed: a
 * session's title two members set apart, in the session's edit form; a commitment's status,
 * on the Commitments page of all forums. A commitment done or dropped is not "due later".
 */

const TITLE_A = 'Upacara Pembukaan Forum';
const TITLE_B = 'Pembukaan Resmi WHRCF 2017';

for (const [lang, systemLang] of [
  ['id', 'id_ID.UTF-8'],
  ['en', 'en_GB.UTF-8'],
] as const) {
  const t = wording(lang);

  test.describe(`conflicts where they are edited and listed (${lang})`, () => {
    test.use({ systemLang, viewport: { width: 1360, height: 860 } });

    test('a title in the session form, a status on all forums’ commitments; closed commitments are not due', async ({
      page,
      server,
    }, testInfo) => {
      // Two servers started three times each, and four CLI runs.
      test.setTimeout(240_000);
      const laptopB = await otherWorkspace(systemLang);
      const { server: serverB, file } = laptopB;
      try {
        await page.goto(server.url);
        await page.getByRole('button', { name: t('notebook:home.example') }).click();
        await page.getByLabel(t('report:profile.meLabel')).selectOption({ label: RINA });
        const forumId = await exampleForumId(server);
        const detail = (await api(server, 'forums.get', { forumId })) as {
          sessions: { id: string; title: { id: string; en: string } }[];
        };
        const opening = detail.sessions[0];
        if (!opening) throw new Error('no session');
        const commitments = (await api(server, 'commitments.list', { forumId })) as {
          id: string;
          statement: { id: string; en: string };
        }[];
        const commitment = commitments[0];
        if (!commitment) throw new Error('no commitment');
        await page.goto('about:blank');
        await server.stop();
        await handOver(forumId, server.workspace, serverB.workspace, file);

        // Apart: Rina (A) retitles the opening and marks the commitment done; Dewi (B) gives
        // the opening another title and drops the commitment.
        const apart = async (
          s: RisalahServer,
          title: string,
          status: 'done' | 'dropped',
          who?: string,
        ) => {
          await s.start();
          if (who) await actAs(s, who);
          await api(s, 'sessions.update', {
            forumId,
            id: opening.id,
            patch: { title: { id: title, en: opening.title.en } },
          });
          await api(s, 'commitments.update', {
            forumId,
            id: commitment.id,
            patch: { status },
          });
          await s.stop();
        };
        await apart(server, TITLE_A, 'done');
        await apart(serverB, TITLE_B, 'dropped', DEWI);
        await handOver(forumId, serverB.workspace, server.workspace, file);

        await server.start();
        await page.goto(server.url);

        // All forums' commitments: the status conflict is stated on the card, with who set it.
        await page
          .getByRole('navigation', { name: t('common:nav.label') })
          .getByRole('button', { name: exact(t('common:nav.commitments')) })
          .click();
        const card = page.locator('.commitment', { has: page.locator('.conflict-notice') });
        await expect(card).toHaveCount(1);
        const notice = card.locator('.conflict-notice');
        await expect(notice).toContainText(t('notebook:conflicts.field.status'));
        const done = t('agreement:commitments.statuses.done');
        const dropped = t('agreement:commitments.statuses.dropped');
        const shown = await card.locator('.status').first().textContent();
        const [other, by] = shown === done ? [dropped, DEWI] : [done, RINA];
        await expect(notice).toContainText(
          t('notebook:conflicts.other', { value: other, name: by }),
        );
        // Done or dropped, its 2018 due date does not put it among the due (item of the page).
        const closed = page.getByRole('region', {
          name: exact(t('agreement:commitments.closed')),
        });
        await expect(
          closed.locator('.commitment', { has: page.locator('.conflict-notice') }),
        ).toHaveCount(1);
        await expect(
          page
            .getByRole('region', { name: exact(t('agreement:commitments.later')) })
            .locator('.status', { hasText: new RegExp(`^(${done}|${dropped})$`) }),
        ).toHaveCount(0);
        await screenshotsAtBothSizes(page, testInfo, `${lang}-all-commitments-conflict`);
        await notice
          .getByRole('button', { name: t('notebook:conflicts.useOther', { value: other }) })
          .click();
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
        await page.reload();
        await expect(
          page.getByRole('heading', { name: t('agreement:commitments.allTitle') }),
        ).toBeVisible();
        await expect(page.locator('.commitment').first()).toBeVisible();
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
        await expect(closed.locator('.status', { hasText: exact(other) })).toHaveCount(1);

        // The session form: the title conflict is stated under the title fields.
        await openWhrcfSection(page, t, 'agenda');
        const item = page.locator('.agenda-item', { has: page.locator('.conflict-notice') });
        await expect(item).toHaveCount(1);
        await item
          .getByRole('button', { name: new RegExp(`^${t('notebook:agenda.edit')}: `) })
          .click();
        const dialog = page.getByRole('dialog');
        const field = dialog.getByLabel(t('notebook:sessionForm.titleId'));
        const title = await field.inputValue();
        expect([TITLE_A, TITLE_B]).toContain(title);
        const otherTitle = title === TITLE_A ? TITLE_B : TITLE_A;
        const formNotice = dialog.locator('.conflict-notice');
        // The key has a dot of its own ("title.id"): read from the locale file as the app does.
        const fields = (
          JSON.parse(
            readFileSync(
              join(import.meta.dirname, '..', '..', 'locales', lang, 'notebook.json'),
              'utf8',
            ),
          ) as { conflicts: { field: Record<string, string> } }
        ).conflicts.field;
        await expect(formNotice).toContainText(fields['title.id'] ?? '?');
        await screenshotsAtBothSizes(page, testInfo, `${lang}-session-form-conflict`);
        await formNotice
          .getByRole('button', { name: t('notebook:conflicts.useOther', { value: otherTitle }) })
          .click();
        await expect(formNotice).toHaveCount(0);
        // The field shows the value chosen; saving the form keeps it.
        await expect(field).toHaveValue(otherTitle);
        await dialog.getByRole('button', { name: exact(t('notebook:sessionForm.save')) }).click();
        await expect(dialog).toBeHidden();
        await page.reload();
        await expect(page.locator('.agenda-item').first()).toBeVisible();
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
        const saved = (await api(server, 'forums.get', { forumId })) as {
          sessions: { id: string; title: { id: string } }[];
        };
        expect(saved.sessions.find((s) => s.id === opening.id)?.title.id).toBe(otherTitle);
      } finally {
        await laptopB.dispose();
      }
    });

    test('the Trash says who moved a note there', async ({ page, server }, testInfo) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: t('notebook:home.example') }).click();
      await page.getByLabel(t('report:profile.meLabel')).selectOption({ label: RINA });
      await openWhrcfSection(page, t, 'notes');
      const list = page.getByRole('list', { name: exact(t('notebook:notes.listLabel')) });
      await list.getByRole('listitem').first().click();
      await page.getByRole('button', { name: exact(t('notebook:editor.delete')) }).click();
      await page
        .getByRole('navigation', { name: t('common:nav.label') })
        .getByRole('button', { name: exact(t('common:nav.settings')) })
        .click();
      const row = page.locator('.trash-table tr', {
        hasText: t('notebook:trash.kinds.note'),
      });
      await expect(row).toHaveCount(1);
      await expect(row.locator('.trash-by')).toHaveText(t('notebook:trash.by', { name: RINA }));
      await row.scrollIntoViewIfNeeded();
      await screenshotsAtBothSizes(page, testInfo, `${lang}-trash-by`);
    });

    test('a note deleted for good on one laptop and edited on another comes back, and says so', async ({
      page,
      server,
    }, testInfo) => {
      test.setTimeout(180_000);
      const laptopB = await otherWorkspace(systemLang);
      const { server: serverB, file } = laptopB;
      const EDIT = 'Ditambahkan Rina: Wali Kota Gwangju menutup sesi.';
      try {
        // Dewi, on her laptop, trashes the note and empties it from the Trash.
        const { forumId, id, before } = await notePurgedByDewi(page, server, laptopB, t);
        // Meanwhile Rina goes on writing in it.
        await server.start();
        await api(server, 'notes.update', {
          forumId,
          id,
          patch: { body: { id: `${before.body.id} ${EDIT}`, en: before.body.en } },
        });
        await server.stop();
        await handOver(forumId, serverB.workspace, server.workspace, file);

        await server.start();
        await page.goto(server.url);
        await openWhrcfSection(page, t, 'notes');
        const list = page.getByRole('list', { name: exact(t('notebook:notes.listLabel')) });
        // Listed by its first line (a heading here: "# Pembukaan").
        const firstLine = (before.body[lang].split('\n')[0] ?? '').replace(/^#+\s*/, '');
        await list.getByRole('button', { name: new RegExp(`^${firstLine} `) }).click();
        await expect(page.getByRole('status').filter({ hasText: DEWI }).locator('p')).toHaveText(
          t('notebook:editor.keptFromPurge', { name: DEWI }),
        );
        await expect(
          page.getByRole('textbox', {
            name: lang === 'id' ? 'Bahasa Indonesia' : 'Indonesian',
            exact: true,
          }),
        ).toHaveValue(new RegExp(EDIT));
        await screenshotsAtBothSizes(page, testInfo, `${lang}-kept-from-purge`);
      } finally {
        await laptopB.dispose();
      }
    });
  });
}
