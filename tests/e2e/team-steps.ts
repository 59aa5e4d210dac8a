import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect as baseExpect, RisalahServer, risalah } from './fixtures';
import { openForumTab } from './steps';
import type { Lang, wording } from './wording';

/**
 * What the delegation tests share: a second laptop, the API and the built CLI to set a scene,
 * and the steps a delegate takes to write a note and pass the forum on by file.
 */

// Each step waits on the host: a shared document, scrypt for a passphrase, a merge. Seconds on
// a machine shared by many processes.
const expect = baseExpect.configure({ timeout: 30_000 });

type T = ReturnType<typeof wording>;

/** Members of the example delegation, as its profile names them. */
export const RINA = 'Rina Puspitasari, S.H., M.H.';
export const DEWI = 'Dewi Anggraini, S.Kom.';

/** The example forum's side event: the session the two laptops both write on. */
export const SIDE_EVENT = {
  id: 'Acara Sampingan: Kabupaten Ramah HAM di Indonesia',
  en: 'Side Event: Human-Rights-Friendly Regencies in Indonesia',
};
/** The Indonesian side's label: the language's name in the UI language. */
export const INDONESIAN_SIDE = { id: 'Bahasa Indonesia', en: 'Indonesian' };

/** A browser-mode API call with the page's credential, as the page makes it. */
export async function api(
  server: RisalahServer,
  channel: string,
  input: unknown,
): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The example forum's id on this laptop. */
export async function exampleForumId(server: RisalahServer): Promise<string> {
  const forums = (await api(server, 'forums.list', {})) as { id: string; acronym: string }[];
  const forum = forums.find((f) => f.acronym === 'WHRCF 2017');
  if (!forum) throw new Error('the example forum is not in this workspace');
  return forum.id;
}

/** `name` joins the delegation on this laptop and becomes who uses it. */
export async function actAs(server: RisalahServer, name: string): Promise<void> {
  await api(server, 'members.save', { member: { name } });
  const profile = (await api(server, 'profile.get', {})) as {
    members: { id: string; name: string }[];
  };
  await api(server, 'settings.update', {
    meMemberId: profile.members.find((m) => m.name === name)?.id,
  });
}

/** *Send to a colleague* from one workspace and *Receive* on the other, with the built CLI. */
export async function handOver(forumId: string, from: string, to: string, file: string) {
  await risalah('share', 'send', '--forum', forumId, '--out', file, '--workspace', from);
  await risalah('share', 'receive', file, '--workspace', to);
}

/** A second laptop: its own workspace and browser-mode server, not started yet. */
export async function otherWorkspace(systemLang: string) {
  const dir = await mkdtemp(join(tmpdir(), 'risalah-e2e-b-'));
  const server = new RisalahServer(dir, systemLang);
  return {
    server,
    /** A file in its workspace folder, to hand the forum over with. */
    file: join(dir, 'forum.risalah'),
    dispose: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A second laptop a colleague uses: its own workspace, browser-mode server (started) and
 * browser window. A script error on its page fails the test, as on the first laptop's.
 */
export async function colleagueLaptop(browser: Browser, systemLang: string, locale?: string) {
  const laptop = await otherWorkspace(systemLang);
  await laptop.server.start();
  const context = await browser.newContext({
    locale,
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    server: laptop.server,
    page,
    dispose: async () => {
      await context.close();
      await laptop.dispose();
      expect(problems, 'script errors on the colleague’s laptop').toEqual([]);
    },
  };
}

/** A new note on the side event, typed in Indonesian, then on disk. */
export async function writeNote(page: Page, t: T, lang: Lang, text: string) {
  await openForumTab(page, t, 'notes');
  await page.getByRole('button', { name: t('notebook:notes.new') }).click();
  await page.getByLabel(t('notebook:editor.session')).selectOption({ label: SIDE_EVENT[lang] });
  await page.getByRole('textbox', { name: INDONESIAN_SIDE[lang], exact: true }).fill(text);
  await expect(page.locator('.save-indicator')).toHaveAttribute('data-state', /^(saved|idle)$/);
}

/** The forum to a file from the Share tab, as a delegate sends it; the tab says where it went. */
export async function sendFile(page: Page, t: T, dir: string, name: string, passphrase = '') {
  await openForumTab(page, t, 'share');
  if (passphrase) await page.getByLabel(t('share:send.passphrase')).fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('share:send.save') }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^WHRCF-2017-\d{4}-\d{2}-\d{2}\.risalah$/);
  const path = join(dir, name);
  await download.saveAs(path);
  await expect(
    page.getByRole('status').filter({ hasText: download.suggestedFilename() }),
  ).toBeVisible();
  return path;
}

/** Receives a file and waits for the list of what came in to name `who`. */
export async function receiveFile(page: Page, t: T, path: string, who: string) {
  await page.getByLabel(t('share:receive.choose')).setInputFiles(path);
  await expect(page.getByRole('region', { name: t('share:received.title') })).toContainText(who, {
    timeout: 60_000,
  });
}

/** A laptop's first start with no forum yet: the colleague names himself on Home. */
export async function firstStart(page: Page, server: RisalahServer, t: T, name: string) {
  await page.goto(server.url);
  await page.getByLabel(t('notebook:profile.headName')).fill(name);
  await page.getByRole('button', { name: t('notebook:profile.save') }).click();
  await expect(page.getByRole('heading', { name: t('notebook:profile.edit') })).toBeVisible();
}

/**
 * The scene of a note deleted for good on a colleague's laptop: this laptop opens the example
 * as Rina (its first note is the one), hands the forum to laptop B, where Dewi moves the note
 * to the Trash and empties it. Both servers are stopped afterwards; the page is left blank.
 */
export async function notePurgedByDewi(
  page: Page,
  server: RisalahServer,
  laptopB: { server: RisalahServer; file: string },
  t: T,
) {
  await page.goto(server.url);
  await page.getByRole('button', { name: t('notebook:home.example') }).click();
  await page.getByLabel(t('report:profile.meLabel')).selectOption({ label: RINA });
  const forumId = await exampleForumId(server);
  const notes = (await api(server, 'notes.list', { forumId })) as { id: string }[];
  const id = notes[0]?.id as string;
  const before = (await api(server, 'notes.get', { forumId, id })) as {
    body: { id: string; en: string };
  };
  await page.goto('about:blank');
  await server.stop();
  await handOver(forumId, server.workspace, laptopB.server.workspace, laptopB.file);
  await laptopB.server.start();
  await actAs(laptopB.server, DEWI);
  await api(laptopB.server, 'notes.delete', { forumId, id });
  await api(laptopB.server, 'trash.purge', { kind: 'note', forumId, id });
  await laptopB.server.stop();
  return { forumId, id, before };
}
