import type { Page } from '@playwright/test';
import { demoSeed, expect, test } from './fixtures';
import type { RisalahServer } from './fixtures';

interface Words {
  forum: RegExp;
  notesTab: string;
  agreementTab: string;
  newNote: string;
  side: string;
  sentence: string;
  reason: string;
  reasonText: string;
  saved: RegExp;
  allSaved: RegExp;
  /** An opened workspace: when it was last written, with the date. */
  lastSaved: RegExp;
}

const indonesian: Words = {
  forum: /^WHRCF 2017/,
  notesTab: 'Catatan',
  agreementTab: 'Kesepakatan',
  newNote: 'Catatan baru',
  side: 'Bahasa Indonesia',
  sentence: 'Delegasi sepakat membentuk forum warga di setiap kecamatan.',
  reason: 'Alasan (bahasa Indonesia)',
  reasonText: 'Sejalan dengan rencana pembangunan daerah',
  saved: /^Tersimpan/,
  allSaved: /^(Tersimpan \d|Terakhir disimpan \d|Semua perubahan tersimpan)/,
  lastSaved: /^Terakhir disimpan \d{1,2} [A-Z][a-z]+ 20\d\d/,
};

const english: Words = {
  forum: /^WHRCF 2017/,
  notesTab: 'Notes',
  agreementTab: 'Agreement',
  newNote: 'New note',
  side: 'English',
  sentence: 'The delegation agreed to set up a residents’ forum in every district.',
  reason: 'Reason (English)',
  reasonText: 'In line with the regional development plan',
  saved: /^Saved/,
  allSaved: /^(Saved \d|Last saved \d|All changes saved)/,
  lastSaved: /^Last saved \d{1,2} [A-Z][a-z]+ 20\d\d/,
};

/** The example forums, added with the built CLI before the server opens the workspace. */
const seed = demoSeed;

async function openForum(page: Page, w: Words, tab: string): Promise<void> {
  await page.getByRole('button', { name: w.forum }).first().click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

interface Shown {
  state: string;
  /** What the note's text box held when the indicator changed. */
  text: string;
}

/** Every state the save indicator shows, with the text on screen then, recorded in the page. */
async function recordIndicator(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shown: Shown[] = [];
    (window as unknown as { shown: Shown[] }).shown = shown;
    const indicator = document.querySelector('.save-indicator');
    // The text box the test clicked into.
    const textarea = document.activeElement as HTMLTextAreaElement | null;
    if (!indicator || !textarea) throw new Error('no save indicator or text box');
    const record = () =>
      shown.push({ state: indicator.getAttribute('data-state') ?? '', text: textarea.value });
    record();
    new MutationObserver(record).observe(indicator, {
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

const shownStates = (page: Page) =>
  page.evaluate(() => (window as unknown as { shown: Shown[] }).shown);

for (const [language, systemLang, w] of [
  ['Indonesian', 'id_ID.UTF-8', indonesian],
  ['English', 'en_GB.UTF-8', english],
] as const) {
  test.describe(`saving, in ${language}`, () => {
    test.use({ systemLang, seed });

    test('a sentence typed, then a reload 50 ms later: it is there', async ({ page, server }) => {
      await page.goto(server.url);
      await openForum(page, w, w.notesTab);
      await page.getByRole('button', { name: w.newNote }).click();
      const box = page.getByRole('textbox', { name: w.side, exact: true });
      await box.pressSequentially(w.sentence, { delay: 15 });
      await page.waitForTimeout(50);
      await page.reload();
      await openForum(page, w, w.notesTab);
      await page
        .getByRole('list', { name: w.notesTab, exact: true })
        .getByRole('button', { name: new RegExp(w.sentence.slice(0, 20)) })
        .click();
      await expect(page.getByRole('textbox', { name: w.side, exact: true })).toHaveValue(
        w.sentence,
      );
    });

    test('typing for 5 s, then the page closed: at most the last second is missing, and "Saved" never shown while typing', async ({
      page,
      server,
      context,
    }) => {
      test.setTimeout(60_000);
      await page.goto(server.url);
      await openForum(page, w, w.notesTab);
      // Every text of this side the page sent to the host: the new note's (empty, saved by its
      // creation), then each save's.
      const sent = new Set<string>();
      const side = w.side === 'English' ? 'en' : 'id';
      page.on('request', (request) => {
        const input = JSON.parse(request.postData() ?? '{}') as {
          note?: { body?: Record<string, string> };
          patch?: { body?: Record<string, string> };
        };
        if (request.url().endsWith('/api/notes.create')) sent.add(input.note?.body?.[side] ?? '');
        if (!request.url().endsWith('/api/notes.update')) return;
        const text = input.patch?.body?.[side];
        if (text !== undefined) sent.add(text);
      });
      await page.getByRole('button', { name: w.newNote }).click();
      const box = page.getByRole('textbox', { name: w.side, exact: true });
      await box.click();
      await recordIndicator(page);
      // A keystroke every ~50 ms for 5 s: "w1 w2 w3 …", so what arrived can be measured.
      let typed = '';
      const started = Date.now();
      const typedAt: number[] = [];
      for (let i = 1; Date.now() - started < 5000; i++) {
        const word = `k${i} `;
        await page.keyboard.type(word, { delay: 0 });
        typed += word;
        typedAt.push(Date.now());
        await page.waitForTimeout(50);
      }
      const shown = await shownStates(page);
      expect(shown.map((s) => s.state)).toContain('saving');
      // "Saved" only when the text on screen then had been sent whole (and, by the host's
      // word, written): never while some of it was still only in the page.
      const savedWhilePending = shown.filter((s) => s.state === 'saved' && !sent.has(s.text));
      expect(savedWhilePending).toEqual([]);
      await page.close();

      const again = await context.newPage();
      await again.goto(server.url);
      await openForum(again, w, w.notesTab);
      await again
        .getByRole('list', { name: w.notesTab, exact: true })
        .getByRole('button', { name: /k1 k2 k3/ })
        .click();
      const kept = await again.getByRole('textbox', { name: w.side, exact: true }).inputValue();
      expect(typed.startsWith(kept.trimEnd())).toBe(true);
      const words = typed.trim().split(' ');
      const keptWords = kept.trim().split(' ').length;
      // The words typed in the last second before the close are all that may be missing.
      const lastSecond = typedAt.filter((at) => at > (typedAt.at(-1) ?? 0) - 1000).length;
      expect(words.length - keptWords).toBeLessThanOrEqual(lastSecond);
      await again.close();
    });

    test('a position reason typed, then a reload: it is kept', async ({ page, server }) => {
      await page.goto(server.url);
      await openForum(page, w, w.agreementTab);
      const reason = page.getByRole('textbox', { name: new RegExp(`^${escape(w.reason)} ·`) });
      const first = reason.first();
      const label = await first.getAttribute('aria-label');
      await first.fill('');
      await first.pressSequentially(w.reasonText, { delay: 15 });
      await page.waitForTimeout(50);
      await page.reload();
      await openForum(page, w, w.agreementTab);
      await expect(page.getByRole('textbox', { name: label ?? '', exact: true })).toHaveValue(
        w.reasonText,
      );
      // Nothing left waiting: the reloaded page says everything is saved.
      await expect(page.getByRole('status')).toHaveAttribute('data-state', /^(saved|idle)$/);
      await expect(page.getByRole('status')).toHaveText(w.allSaved);
    });

    test('the indicator says Saved once the edit is on disk, even after a restart', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await openForum(page, w, w.notesTab);
      await page.getByRole('button', { name: w.newNote }).click();
      await page.getByRole('textbox', { name: w.side, exact: true }).fill(w.sentence);
      await expect(page.getByRole('status')).toHaveText(w.saved);
      await restart(page, server);
      // Opened again: it says when the workspace was last written, not a bare "all saved".
      await expect(page.getByRole('status')).toHaveText(w.lastSaved);
      await openForum(page, w, w.notesTab);
      await expect(page.getByRole('list', { name: w.notesTab, exact: true })).toContainText(
        w.sentence.slice(0, 30),
      );
    });
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function restart(page: Page, server: RisalahServer): Promise<void> {
  await page.goto('about:blank');
  // SIGKILL: no flush at the stop; what "Saved" promised must already be on disk.
  await server.kill();
  await server.start();
  await page.goto(server.url);
}
