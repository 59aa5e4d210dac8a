import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, RisalahServer, test } from './fixtures';

/**
 * The delegation as a team, as a user clicks it in the built app: who uses this laptop, who
 * covers a session, who wrote a note or changed a commitment or a position; and a value two
 * members set differently on two laptops, exchanged with the built CLI, shown with who set it
 * and chosen with one click.
 */

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const risalah = (...args: string[]) => run(process.execPath, [cli, ...args]);

/** *Send to a colleague* from one workspace and *Receive* on the other, with the built CLI. */
async function handOver(forumId: string, from: string, to: string, file: string) {
  await risalah('share', 'send', '--forum', forumId, '--out', file, '--workspace', from);
  await risalah('share', 'receive', file, '--workspace', to);
}

const RINA = 'Rina Puspitasari, S.H., M.H.';
const AGUS = 'Agus Setiawan, S.Sos.';
const DEWI = 'Dewi Anggraini, S.Kom.';

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

/** Both sizes the app is checked at; no sideways scrolling; the screenshot kept to look at. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1360, 860],
    [800, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect
      .poll(() =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      )
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/e2e/team-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

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

/** A browser-mode API call with the page's credential, as the page makes it. */
async function api(server: RisalahServer, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
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
    }) => {
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
      await screenshots(page, `home-me-${lang}`);
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
      await screenshots(page, `session-form-${lang}`);
      await dialog.getByRole('button', { name: w.save, exact: true }).click();
      await expect(dialog).toBeHidden();
      const opening = page.locator('.agenda-item', { hasText: w.opening });
      await expect(opening.locator('.agenda-coverage')).toHaveText(
        `${w.coveredBy} ${RINA}, ${AGUS}`,
      );
      await screenshots(page, `agenda-${lang}`);
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
      await screenshots(page, `notes-${lang}`);

      // A commitment and a position changed here say Rina changed them.
      await openTab(page, w.commitments);
      const card = page.locator('.commitment').first();
      await card.getByRole('checkbox').first().click();
      await expect(card.locator('.changed-by')).toContainText(`${w.changedBy} ${RINA}`);
      await screenshots(page, `commitments-${lang}`);
      await openTab(page, w.agreement);
      const clause = page.locator('.clause-position').first();
      await clause.getByRole('combobox').first().selectOption({ index: 3 });
      await expect(clause.locator('.changed-by')).toHaveText(`${w.setBy} ${RINA}`);
      await screenshots(page, `agreement-${lang}`);
    });

    test('a status two members set apart is shown with who set it, and one click chooses', async ({
      page,
      server,
    }) => {
      // Two servers started three times each, and four CLI runs.
      test.setTimeout(150_000);
      // Laptop B: the same forum, received from A's file; each laptop is a different member.
      const b = await mkdtemp(join(tmpdir(), 'risalah-e2e-b-'));
      const file = join(b, 'forum.risalah');
      const serverB = new RisalahServer(b, systemLang);
      try {
        await page.goto(server.url);
        await page.getByRole('button', { name: w.example }).click();
        await page.getByLabel(w.me).selectOption({ label: RINA });
        const forums = (await api(server, 'forums.list', {})) as { id: string; acronym: string }[];
        const forumId = forums.find((f) => f.acronym === 'WHRCF 2017')?.id as string;
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
        await handOver(forumId, server.workspace, b, file);

        // Apart: A (Rina) marks it done; B (Dewi) drops it.
        await server.start();
        await api(server, 'commitments.update', {
          forumId,
          id: commitmentId,
          patch: { status: 'done' },
        });
        await server.stop();
        await serverB.start();
        await api(serverB, 'members.save', { member: { name: DEWI } });
        const profile = (await api(serverB, 'profile.get', {})) as {
          members: { id: string; name: string }[];
        };
        const dewi = profile.members.find((m) => m.name === DEWI)?.id;
        await api(serverB, 'settings.update', { meMemberId: dewi });
        await api(serverB, 'commitments.update', {
          forumId,
          id: commitmentId,
          patch: { status: 'dropped' },
        });
        await serverB.stop();

        // Exchanged both ways with the built CLI.
        await handOver(forumId, b, server.workspace, file);
        await handOver(forumId, server.workspace, b, file);

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
        await screenshots(page, `conflict-${lang}`);
        await notice.getByRole('button', { name: w.use(other) }).click();
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
        await expect(chosen().locator('.status').first()).toHaveText(other);
        // Chosen for good: after a reload the conflict is gone and the choice stays.
        await page.reload();
        await openTab(page, w.commitments);
        await expect(chosen().locator('.status').first()).toHaveText(other);
        await expect(page.locator('.conflict-notice')).toHaveCount(0);
      } finally {
        await serverB.stop();
        await rm(b, { recursive: true, force: true });
      }
    });
  });
}
