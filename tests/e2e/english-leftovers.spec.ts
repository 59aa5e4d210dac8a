import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoSeed, expect, test } from './fixtures';

/**
 * The Indonesian UI must not show English: every page and main dialog of the built app, with
 * the example data, is scanned for English words from a list. What the delegate typed (the
 * example's own English sides, names, rooms) is user content, not the UI's: it is left out by
 * its language (`lang` other than `id`, as every text side carries), by `data-user-content`,
 * and by the workspace's own strings, read from its files and taken out of the page's text.
 */

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures');
// Outside Playwright's output folder, which each run empties.
const shots = join('test-results', 'screens-id');

/**
 * English words a UI string could leave behind, none of them also Indonesian (so no "forum",
 * "agenda", "status", "format", "data", "label", "logo", "token", "web", "item", "mode", "unit",
 * "folder", all in KBBI; nor "no", as in the column "No.").
 */
const englishWords = [
  ...['the', 'and', 'of', 'to', 'with', 'for', 'from', 'into', 'in', 'on', 'at', 'by', 'or'],
  ...['is', 'are', 'was', 'be', 'has', 'have', 'not', 'yes', 'this', 'that', 'these'],
  ...['your', 'you', 'its', 'it', 'an', 'all', 'none', 'more', 'less', 'other', 'only'],
  ...['save', 'saved', 'saving', 'cancel', 'delete', 'deleted', 'edit', 'add', 'new', 'remove'],
  ...['open', 'close', 'show', 'hide', 'choose', 'select', 'search', 'find', 'filter', 'back'],
  ...['next', 'previous', 'undo', 'redo', 'restore', 'print', 'preview', 'download', 'upload'],
  ...['import', 'export', 'settings', 'home', 'trash', 'help', 'loading', 'error', 'warning'],
  ...['note', 'notes', 'session', 'sessions', 'clause', 'clauses', 'commitment', 'commitments'],
  ...['contact', 'contacts', 'position', 'positions', 'reason', 'draft', 'declaration'],
  ...['agreement', 'recommendations', 'principles', 'adopted', 'read', 'untitled', 'empty'],
  ...['due', 'overdue', 'done', 'planned', 'progress', 'dropped', 'today', 'tomorrow'],
  ...['yesterday', 'week', 'month', 'year', 'day', 'days', 'hours', 'minutes', 'page', 'pages'],
  ...['write', 'type', 'file', 'files', 'backup', 'backups', 'workspace', 'profile'],
  ...['delegation', 'member', 'members', 'report', 'details', 'letterhead', 'signatory'],
  ...['passphrase', 'lock', 'unlock', 'locked', 'encrypt', 'encrypted', 'encryption'],
  ...['keychain', 'column', 'row', 'line', 'card', 'field', 'value', 'language', 'english'],
  ...['indonesian', 'both', 'side', 'source', 'title', 'name', 'city', 'country', 'venue'],
  ...['theme', 'host', 'kind', 'speakers', 'room', 'starts', 'ends', 'date', 'time', 'zone'],
  ...['shortcuts', 'keyboard', 'pinned', 'pin', 'tags', 'history', 'version', 'versions'],
  ...['current', 'changes', 'merge', 'duplicates', 'sensitive', 'phone', 'email', 'website'],
  ...['organisation', 'organization', 'responsible', 'evidence', 'steps', 'step'],
  ...['missing', 'outdated', 'translation', 'translated', 'untranslated', 'write', 'welcome'],
  ...['offline', 'online', 'browser', 'running', 'about', 'dismiss', 'accept', 'split'],
  ...['paste', 'renumber', 'preamble', 'commits', 'supports', 'reservation', 'applicable'],
  ...['met', 'list', 'layout', 'parallel', 'sequential', 'summary', 'travel', 'official'],
  ...['dashboard', 'upcoming', 'recent', 'overview', 'chosen', 'link', 'unlink', 'set'],
];

interface Finding {
  where: string;
  word: string;
  text: string;
}

/** Every string held in the workspace's files: what the delegate (or the example) wrote. */
async function workspaceStrings(workspace: string): Promise<string[]> {
  const files = [join(workspace, 'workspace.json')];
  for (const name of await readdir(join(workspace, 'forums')).catch(() => [] as string[])) {
    if (name.endsWith('.json')) files.push(join(workspace, 'forums', name));
  }
  const out = new Set<string>();
  const add = (value: string) => {
    const text = value.trim();
    if (text.length < 2) return;
    out.add(text);
    // Lists and previews show a note by its lines, without their Markdown marks.
    for (const line of text.split(/\n+/)) {
      const plain = line
        .replace(/^\s*(#+|[-*+]|\d+[.)])\s+/, '')
        .replace(/[*_`]/g, '')
        .trim();
      if (plain.length >= 2) out.add(plain);
    }
  };
  const walk = (value: unknown) => {
    if (typeof value === 'string') add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of files) walk(JSON.parse(await readFile(file, 'utf8')));
  // Longest first, so a long text goes out whole before a word of it is matched alone.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The English words the page shows (text and the labels read aloud), user content left out. */
async function englishOnPage(page: Page, where: string, user: string[]): Promise<Finding[]> {
  return page.evaluate(
    ({ words, user, where }) => {
      // "the" and "The", never an abbreviation in capitals ("UTF-16 BE" is big-endian).
      const forms = words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]);
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${forms.join('|')})(?![\\p{L}\\p{N}])`, 'u');
      // The delegate's strings as whole words only: "Jen" in a name must not cut "Jenis".
      const escaped = user.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const userPattern = new RegExp(
        `(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      );
      const out: { where: string; word: string; text: string }[] = [];
      const excluded = (el: Element) => {
        const marked = el.closest('[lang]');
        if (marked && !marked.getAttribute('lang')?.startsWith('id')) return true;
        if (el.closest('[data-user-content], script, style, textarea, code, .path')) return true;
        // An <option> is seen when its list opens; anything else only when rendered.
        return el.tagName !== 'OPTION' && !el.closest('option') && !el.checkVisibility();
      };
      const check = (raw: string) => {
        let text = raw.replace(/\s+/g, ' ').trim();
        if (!text) return;
        // A line cut short for a list ("…") is still the delegate's text.
        const cut = text.replace(/…$/, '').trim();
        if (cut.length >= 12 && user.some((u) => u.includes(cut))) return;
        text = text.replace(userPattern, ' ¶ ');
        const found = pattern.exec(text);
        if (found?.[1]) out.push({ where, word: found[1], text: raw.trim().slice(0, 160) });
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent && !excluded(parent)) check(node.textContent ?? '');
      }
      for (const el of document.body.querySelectorAll(
        '[placeholder], [aria-label], [title], [alt], [aria-description]',
      )) {
        if (excluded(el)) continue;
        for (const name of ['placeholder', 'aria-label', 'title', 'alt', 'aria-description']) {
          const value = el.getAttribute(name);
          if (value) check(value);
        }
      }
      return out;
    },
    { words: englishWords, user, where },
  );
}

/** Scans the page as it is now, keeps a screenshot to look at, and fails on any English. */
async function expectIndonesian(
  page: Page,
  where: string,
  workspace: string,
  typed: string[] = [],
) {
  await page.waitForTimeout(150); // let a just-opened dialog finish rendering
  await page.screenshot({ path: join(shots, `id-${where}.png`) });
  const user = [...(await workspaceStrings(workspace)), ...typed].sort(
    (a, b) => b.length - a.length,
  );
  const findings = await englishOnPage(page, where, user);
  expect(findings, `English in the Indonesian UI (${where})`).toEqual([]);
}

/** The example forums, added with the built CLI before the server opens the workspace. */
const seed = demoSeed;

test.use({
  systemLang: 'id_ID.UTF-8',
  viewport: { width: 1360, height: 860 },
  actionTimeout: 15_000,
});
test.beforeAll(async () => {
  await mkdir(shots, { recursive: true });
});

test('the scan finds English text and labels, and leaves the delegate’s own text alone', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Risalah');
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    main.insertAdjacentHTML(
      'beforeend',
      `<p>Simpan the catatan</p><button type="button" aria-label="Close">×</button>
       <p lang="en">Notes of the session</p><div data-user-content>Room 208</div>
       <p>Sesi Opening Ceremony selesai</p><p>UTF-16 BE</p><p>Jenis</p>`,
    );
  });
  const found = await englishOnPage(page, 'self-test', ['Opening Ceremony', 'Jen']);
  expect(found.map((f) => f.word)).toEqual(['the', 'Close']);
});

test('the empty workspace: Home and the new-forum dialog', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Risalah');
  await expectIndonesian(page, 'home-empty', server.workspace);
  await page
    .getByRole('button', { name: /Forum baru/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectIndonesian(page, 'forum-new', server.workspace);
});

test.describe('with the example', () => {
  test.use({ seed });

  test('every tab of a forum, with its dialogs', async ({ page, server }) => {
    test.setTimeout(180_000);
    const scan = (where: string, typed: string[] = []) =>
      expectIndonesian(page, where, server.workspace, typed);
    const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
    const escape = async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    };
    await page.goto(server.url);
    await scan('home');

    // The one-day workshop reads as one day.
    await page
      .getByRole('button', { name: /Bandar Lampung/ })
      .first()
      .click();
    await expect(page.locator('.forum-meta')).toHaveText(/^27 Agustus 2025( · |$)/);
    await expect(page.locator('.forum-meta')).not.toContainText('–');
    await scan('forum-one-day');

    await page
      .getByRole('button', { name: /WHRCF 2017/ })
      .first()
      .click();
    await expect(page.locator('.forum-meta')).toHaveText(/^14–17 September 2017/);
    await tab('Agenda');
    await scan('agenda');
    await page.getByRole('button', { name: 'Tambah sesi' }).click();
    await scan('session-new');
    await escape();
    await page.getByRole('button', { name: 'Ubah forum' }).first().click();
    await scan('forum-edit');
    await escape();

    await tab('Catatan');
    await page.getByRole('list', { name: 'Catatan' }).getByRole('button').first().click();
    await expect(page.getByRole('textbox', { name: 'Bahasa Inggris', exact: true })).toBeVisible();
    await scan('notes');
    await page
      .getByRole('button', { name: /^Riwayat/ })
      .first()
      .click();
    await scan('note-history');
    await escape();

    await tab('Kesepakatan');
    await expect(page.getByText('Teks yang berlaku: bahasa Inggris')).toBeVisible();
    await scan('agreement');
    await page.getByRole('button', { name: 'Dokumen baru' }).click();
    await scan('document-new');
    await escape();
    await page.getByRole('button', { name: 'Tempel teks' }).click();
    const paste = page.getByRole('dialog');
    await paste.getByLabel('Bahasa teks').selectOption('id');
    // English pasted on the Indonesian side: the dialog says so, in Indonesian.
    const pasted = ['Reaffirm the Guiding Principles.', 'Report progress at the next forum.'];
    await paste.getByLabel('Teks', { exact: true }).fill(`1. ${pasted[0]}\n2. ${pasted[1]}`);
    await paste.getByRole('button', { name: 'Pecah menjadi butir' }).click();
    await expect(paste.getByRole('alert').first()).toContainText(
      'Teks ini tampaknya dalam bahasa Inggris, tetapi akan ditempatkan pada sisi bahasa Indonesia.',
    );
    await scan('paste-preview', pasted);
    await escape();

    await tab('Komitmen');
    await scan('commitments-tab');
    await page.getByRole('button', { name: 'Komitmen baru' }).click();
    await scan('commitment-new');
    await escape();

    await tab('Kontak');
    await scan('contacts-tab');
    await tab('Rincian laporan');
    await scan('report-details');
    await tab('Ekspor');
    await scan('export');
  });

  test('commitments, contacts, settings, search and shortcuts', async ({ page, server }) => {
    test.setTimeout(180_000);
    const scan = (where: string) => expectIndonesian(page, where, server.workspace);
    const escape = async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    };
    const nav = (name: string) =>
      page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
    await page.goto(server.url);

    await nav('Komitmen');
    await scan('commitments');

    await nav('Kontak');
    await scan('contacts-empty');
    // A list without a header row: its columns are numbered in Indonesian.
    await page
      .getByLabel('Impor vCard atau CSV')
      .setInputFiles(join(fixtures, 'lists', 'headerless.csv'));
    await expect(page.getByRole('dialog', { name: 'Impor kontak' })).toBeVisible();
    await expect(
      page.getByRole('dialog').getByRole('combobox', { name: /^Kolom 1 / }),
    ).toBeVisible();
    await scan('import-headerless');
    await escape();
    // Not a vCard: said of the file, never of a "card 0".
    await page.getByLabel('Impor vCard atau CSV').setInputFiles({
      name: 'kosong.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from('bukan kartu\n'),
    });
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('dialog')).not.toContainText('Kartu 0');
    await scan('import-not-a-vcard');
    await escape();
    await page
      .getByLabel('Impor vCard atau CSV')
      .setInputFiles(join(fixtures, 'vcards', 'iphone-3.0.vcf'));
    const dialog = page.getByRole('dialog', { name: 'Impor kontak' });
    await scan('import-vcard');
    await dialog.getByRole('button', { name: 'Impor' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('list', { name: 'Kontak' }).getByRole('button').first().click();
    await scan('contact');
    await page.getByRole('button', { name: 'Kontak baru' }).click();
    await scan('contact-new');
    await escape();
    await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
    await scan('contacts-export');
    await escape();

    await nav('Pengaturan');
    await scan('settings');

    await page.keyboard.press('Control+K');
    await page.getByRole('searchbox').fill('komitmen');
    await expect(page.locator('.hit').first()).toBeVisible();
    await scan('search');
    await escape();
    await page.keyboard.press('F1');
    await scan('shortcuts');
    await escape();

    await nav('Beranda');
    await expect(page.getByRole('region', { name: 'Anggota delegasi' })).toBeVisible();
    await scan('home-profile');
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    await scan('member-new');
  });
});
