import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshotsAtBothSizes } from './steps';
import { actAs, api, DEWI, exampleForumId, handOver, otherWorkspace, RINA } from './team-steps';

/**
 * The delegation as a team, as a user clicks it in the built app: who uses this laptop, who
 * covers a session, who wrote a note or changed a commitment or a position; and a value two
 * members set differently on two laptops, exchanged with the built CLI, shown with who set it
 * and chosen with one click.
 */

const AGUS = 'Agus Setiawan, S.Sos.';

const words = {
  id: {
    example: 'Buka contoh',
    me: 'Pengguna laptop ini',
    badge: 'laptop ini',
    agenda: 'Agenda',
    notes: 'Catatan',
    agreement: 'Kesepakatan',
    commitments: 'Komitmen',
    edit: 'Ubah',
    save: 'Simpan',
    opening: 'Upacara Pembukaan',
    coveredBy: 'Diikuti oleh',
    writeNote: 'Tulis catatan',
    writtenBy: 'Ditulis oleh',
    changedBy: 'Diubah oleh',
    setBy: 'diisi oleh',
    done: 'Selesai',
    dropped: 'Dibatalkan',
    statusConflict: 'Status diisi berbeda.',
    use: (v: string) => `Gunakan “${v}”`,
    also: (v: string, n: string) => `Juga diisi: “${v}” (oleh ${n})`,
  },
  en: {
    example: 'Open an example',
    me: 'Who uses this laptop',
    badge: 'this laptop',
    agenda: 'Agenda',
    notes: 'Notes',
    agreement: 'Agreement',
    commitments: 'Commitments',
    edit: 'Edit',
    save: 'Save',
    opening: 'Opening Ceremony',
    coveredBy: 'Covered by',
    writeNote: 'Write a note',
    writtenBy: 'Written by',
    changedBy: 'Changed by',
    setBy: 'set by',
    done: 'Done',
    dropped: 'Dropped',
    statusConflict: 'Status set differently.',
    use: (v: string) => `Use “${v}”`,
    also: (v: string, n: string) => `Also set: “${v}” (by ${n})`,
  },
} as const;

async function openTab(page: Page, tab: string) {
  const tabButton = page.getByRole('tab', { name: tab });
  if (!(await tabButton.isVisible())) {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /WHRCF 2017/ })
      .click();
  }
  await page.getByRole('tab', { name: tab }).click();
}

for (const [lang, systemLang] of [
  ['id', 'id_ID.UTF-8'],
  ['en', 'en_GB.UTF-8'],
] as const) {
  const w = words[lang];

  test.describe(`team (${lang})`, () => {
    test.use({ systemLang });

    test('this laptop is one member: coverage, authors and "changed by" name them', async ({
      page,
      server,
    }, testInfo) => {
      await page.setViewportSize({ width: 1360, height: 860 });
      await page.goto(server.url);
      await page.getByRole('button', { name: w.example }).click();
      // Six members, none chosen: the head of delegation's name signs, as before.
      const me = page.getByLabel(w.me);
      await expect(me).toHaveValue('');
      await expect(me.locator('option').first()).toContainText('Chusnunia');
      await me.selectOption({ label: RINA });
      const rina = page.locator('.member-row', { hasText: RINA });
      await expect(rina.getByText(w.badge, { exact: true })).toBeVisible();
      await screenshotsAtBothSizes(page, testInfo, `team-home-me-${lang}`);
      await page.reload();
      await expect(page.getByLabel(w.me)).toHaveValue(/.+/);
      await expect(
        page.locator('.member-row', { hasText: RINA }).getByText(w.badge, { exact: true }),
      ).toBeVisible();

      // Who covers the opening: ticked in the session form, shown on the agenda.
      await openTab(page, w.agenda);
      await page.getByRole('button', { name: `${w.edit}: ${w.opening}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: RINA }).check();
      await dialog.getByRole('checkbox', { name: AGUS }).check();
      await screenshotsAtBothSizes(page, testInfo, `team-session-form-${lang}`);
      await dialog.getByRole('button', { name: w.save, exact: true }).click();
      await expect(dialog).toBeHidden();
      const opening = page.locator('.agenda-item', { hasText: w.opening });
      await expect(opening.locator('.agenda-coverage')).toHaveText(
        `${w.coveredBy} ${RINA}, ${AGUS}`,
      );
      await screenshotsAtBothSizes(page, testInfo, `team-agenda-${lang}`);
      // Kept after a reload, ticked again in the form.
      await page.reload();
      await expect(
        page.locator('.agenda-item', { hasText: w.opening }).locator('.agenda-coverage'),
      ).toHaveText(`${w.coveredBy} ${RINA}, ${AGUS}`);

      // A note written here is Rina's: in the editor and in the list.
      await page
        .locator('.agenda-item', { hasText: w.opening })
        .getByRole('button', { name: w.writeNote })
        .click();
      const saved = page.waitForResponse((r) => r.url().includes('/api/notes.update') && r.ok());
      await page.keyboard.type('Bupati menyampaikan sambutan.');
      await saved;
      await expect(page.locator('.note-authors')).toHaveText(
        new RegExp(`${w.writtenBy} .*${RINA.replace(/[.,]/g, '.')}`),
      );
      await expect(page.locator(`.side-${lang} .side-author`)).toContainText(RINA);
      await expect(
        page.locator('.note-item[aria-current="true"] .note-item-authors'),
      ).toContainText(RINA);
      await screenshotsAtBothSizes(page, testInfo, `team-notes-${lang}`);

      // A commitment and a position changed here say Rina changed them.
      await openTab(page, w.commitments);
      const card = page.locator('.commitment').first();
      await card.getByRole('checkbox').first().click();
      await expect(card.locator('.changed-by')).toContainText(`${w.changedBy} ${RINA}`);
      await screenshotsAtBothSizes(page, testInfo, `team-commitments-${lang}`);
      await openTab(page, w.agreement);
      const clause = page.locator('.clause-position').first();
      await clause.getByRole('combobox').first().selectOption({ index: 3 });
      await expect(clause.locator('.changed-by')).toHaveText(`${w.setBy} ${RINA}`);
      await screenshotsAtBothSizes(page, testInfo, `team-agreement-${lang}`);
    });

    test('a status two members set apart is shown with who set it, and one click chooses', async ({
      page,
      server,
    }, testInfo) => {
      // Two servers started three times each, and four CLI runs.
      test.setTimeout(150_000);
      // Laptop B: the same forum, received from A's file; each laptop is a different member.
      const laptopB = await otherWorkspace(systemLang);
      const { server: serverB, file } = laptopB;
      try {
        await page.goto(server.url);
        await page.getByRole('button', { name: w.example }).click();
        await page.getByLabel(w.me).selectOption({ label: RINA });
        const forumId = await exampleForumId(server);
        const commitments = (await api(server, 'commitments.list', { forumId })) as {
          id: string;
          statement: { id: string; en: string };
        }[];
        const commitmentId = commitments[0]?.id as string;
        // Found by its words: done or dropped, it is listed after the open ones.
        const chosen = () =>
          page.locator('.commitment', { hasText: commitments[0]?.statement[lang] ?? '' });
        await page.goto('about:blank');
        await server.stop();
        await handOver(forumId, server.workspace, serverB.workspace, file);

        // Apart: A (Rina) marks it done; B (Dewi) drops it.
        await server.start();
        await api(server, 'commitments.update', {
          forumId,
          id: commitmentId,
          patch: { status: 'done' },
        });
        await server.stop();
        await serverB.start();
        await actAs(serverB, DEWI);
        await api(serverB, 'commitments.update', {
          forumId,
          id: commitmentId,
          patch: { status: 'dropped' },
        });
        await serverB.stop();

        // Exchanged both ways with the built CLI.
        await handOver(forumId, serverB.workspace, server.workspace, file);
        await handOver(forumId, server.workspace, serverB.workspace, file);

        await server.start();
        await page.goto(server.url);
        await openTab(page, w.commitments);
        const card = page.locator('.commitment', { has: page.locator('.conflict-notice') });
        const notice = card.locator('.conflict-notice');
        await expect(notice).toContainText(w.statusConflict);
        // One value shows on every laptop; the other is named with who set it.
        const shown = await card.locator('.status').first().textContent();
        const [other, by] = shown === w.done ? [w.dropped, DEWI] : [w.done, RINA];
        await expect(notice).toContainText(w.also(other, by));
        await screenshotsAtBothSizes(page, testInfo, `team-conflict-${lang}`);
        await notice.getByRole('button', { name: w.use(other) }).click();
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
        await expect(chosen().locator('.status').first()).toHaveText(other);
        // Chosen for good: after a reload the conflict is gone and the choice stays.
        await page.reload();
        await openTab(page, w.commitments);
        await expect(chosen().locator('.status').first()).toHaveText(other);
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
      } finally {
        await laptopB.dispose();
      }
    });
  });
}
