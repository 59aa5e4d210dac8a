import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect as baseExpect, RisalahServer, test } from './fixtures';
import { openSection } from './steps';
import { exact, wording } from './wording';
import type { Lang } from './wording';

// Each step waits on the host: a shared document, a merge, an export. Seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');

/**
 * The issue's last "done when": two laptops (two browser-mode instances on two workspaces),
 * a note typed in each on the same session, exchanged by file, and the travel report the
 * head's laptop exports (Word, as the office prints it, read back through LibreOffice) names
 * both members: among those who travelled, and in the session's "notes by" line.
 */

const SESSION = {
  id: 'Acara Sampingan: Kabupaten Ramah HAM di Indonesia',
  en: 'Side Event: Human-Rights-Friendly Regencies in Indonesia',
};
const INDONESIAN_SIDE = { id: 'Bahasa Indonesia', en: 'Indonesian' };
/** A member of the example delegation, listed in its report: who uses the first laptop. */
const RINA = 'Rina Puspitasari, S.H., M.H.';
/** A colleague the head's profile does not know yet: he names himself on his own laptop. */
const BUDI = 'Budi Santoso, S.IP.';
const RINA_NOTE = 'Catatan Rina: Lampung Timur memaparkan rencana aksi kabupaten ramah HAM.';
const BUDI_NOTE = 'Catatan Budi: peserta dari Korea bertanya tentang anggaran desa.';

type T = ReturnType<typeof wording>;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function look(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => document.fonts.ready);
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

const tab = (page: Page, t: T, key: string) =>
  openSection(page, exact(t(`notebook:sections.${key}`)), t('notebook:sections.moreLabel'));

/** A new note on the side event, typed in Indonesian, then on disk. */
async function writeNote(page: Page, t: T, lang: Lang, text: string) {
  await tab(page, t, 'notes');
  await page.getByRole('button', { name: t('notebook:notes.new') }).click();
  await page.getByLabel(t('notebook:editor.session')).selectOption({ label: SESSION[lang] });
  await page.getByRole('textbox', { name: INDONESIAN_SIDE[lang], exact: true }).fill(text);
  await expect(page.locator('.save-indicator')).toHaveAttribute('data-state', /^(saved|idle)$/);
}

/** The forum to a file from the Share tab, as a delegate sends it. */
async function sendFile(page: Page, t: T, dir: string, name: string) {
  await tab(page, t, 'share');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('share:send.save') }).click(),
  ]);
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

/** Receives a file and waits for the list of what came in to name `who`. */
async function receiveFile(page: Page, t: T, path: string, who: string) {
  await page.getByLabel(t('share:receive.choose')).setInputFiles(path);
  await expect(page.getByRole('region', { name: t('share:received.title') })).toContainText(who, {
    timeout: 60_000,
  });
}

/** A Word file as LibreOffice lays it out: to PDF, then text (and page images to look at). */
function readWord(docx: string, out: string): { text: string; pdf: string } {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(out, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      docx,
    ],
    { stdio: 'ignore', timeout: 300_000 },
  );
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ' '), pdf };
}

for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const) {
  test.describe(`team travel report (${lang})`, () => {
    test.use({
      systemLang,
      viewport: { width: 1360, height: 860 },
      seed: {
        run: async (workspace) => {
          const demo = spawnSync(process.execPath, [cli, 'demo', '--workspace', workspace], {
            encoding: 'utf8',
          });
          if (demo.status !== 0) throw new Error(demo.stderr);
        },
      },
    });
    test.setTimeout(300_000);

    test('notes typed on two laptops, exchanged: the travel report names both members', async ({
      page: rina,
      server,
      browser,
      locale,
    }, testInfo) => {
      const t = wording(lang);
      const files = await mkdtemp(join(tmpdir(), 'risalah-team-report-'));
      const budiDir = await mkdtemp(join(tmpdir(), 'risalah-e2e-'));
      const budiServer = new RisalahServer(budiDir, systemLang);
      await budiServer.start();
      const budiContext = await browser.newContext({
        locale,
        viewport: { width: 1360, height: 860 },
        acceptDownloads: true,
      });
      const budi = await budiContext.newPage();
      try {
        // The head's laptop, used by Rina, a member of the example delegation.
        await rina.goto(server.url);
        await rina.getByLabel(t('report:profile.meLabel')).selectOption({ label: RINA });
        await rina
          .getByRole('navigation')
          .getByRole('button', { name: /WHRCF 2017/ })
          .first()
          .click();
        await writeNote(rina, t, lang, RINA_NOTE);
        const fromRina = await sendFile(rina, t, files, 'from-rina.risalah');

        // Budi's laptop: no forum yet; he names himself and receives Rina's file on Home.
        await budi.goto(budiServer.url);
        await budi.getByLabel(t('notebook:profile.headName')).fill(BUDI);
        await budi.getByRole('button', { name: t('notebook:profile.save') }).click();
        await expect(budi.getByRole('heading', { name: t('notebook:profile.edit') })).toBeVisible();
        await receiveFile(budi, t, fromRina, RINA);
        await budi
          .getByRole('navigation')
          .getByRole('button', { name: /WHRCF 2017/ })
          .first()
          .click();
        await writeNote(budi, t, lang, BUDI_NOTE);
        const fromBudi = await sendFile(budi, t, files, 'from-budi.risalah');

        // Back on the head's laptop: Budi's note arrives with his name.
        await tab(rina, t, 'share');
        await receiveFile(rina, t, fromBudi, BUDI);

        // Budi travelled too: the head adds him to the delegation and ticks him for this forum.
        await rina
          .getByRole('button', { name: t('common:nav.home') })
          .first()
          .click();
        await rina.getByRole('button', { name: t('report:profile.add') }).click();
        const dialog = rina.getByRole('dialog');
        await dialog.getByLabel(t('report:profile.name')).fill(BUDI);
        await dialog.getByRole('button', { name: t('report:profile.save') }).click();
        await expect(dialog).toBeHidden();
        await rina
          .getByRole('navigation')
          .getByRole('button', { name: /WHRCF 2017/ })
          .first()
          .click();
        await tab(rina, t, 'report');
        const saved = rina.waitForResponse((r) => r.url().includes('/api/report.update') && r.ok());
        await rina.getByRole('checkbox', { name: BUDI }).check();
        await saved;
        await expect(rina.getByRole('checkbox', { name: RINA })).toBeChecked();

        // The travel report, in Word, in the UI's language, saved by clicking Export.
        await tab(rina, t, 'export');
        await rina.getByLabel(t('export-ui:templates.travel-report')).check();
        await rina
          .getByRole('radio', { name: t(`export-ui:languages.${lang}`), exact: true })
          .check();
        await rina.getByLabel(t('export-ui:formats.docx')).check();
        await look(rina, testInfo, `${lang}-1360-export`);
        const [download] = await Promise.all([
          rina.waitForEvent('download'),
          rina.getByRole('button', { name: t('export-ui:save'), exact: true }).click(),
        ]);
        const docx = join(files, `report-${lang}.docx`);
        await download.saveAs(docx);
        const { text, pdf } = readWord(docx, files);

        // Both among those who travelled: the members' table, between its heading and the next.
        const participants = text.indexOf(`IV. ${t('export:participants')}`);
        const results = text.indexOf('V. ', participants + 4);
        expect(participants).toBeGreaterThan(-1);
        const members = text.slice(participants, results);
        expect(members).toContain(RINA);
        expect(members).toContain(BUDI);
        // And both in the "notes by" line of the session they each wrote on, in writing order.
        const session = text.indexOf(SESSION[lang]);
        expect(session).toBeGreaterThan(-1);
        const notesBy = t('export:sessionNotesBy', { names: '' }).replace(/ ?\.$/, '');
        const line = text.slice(text.indexOf(notesBy, session)).slice(0, 300);
        expect(line).toMatch(
          new RegExp(`^${escape(notesBy)} [^]*?${escape(`${RINA}, ${BUDI}`)} (?!\\.)`),
        );
        // The pages, to look at.
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath(`${lang}-report`)]);
      } finally {
        await budiContext.close();
        await budiServer.stop();
        await rm(budiDir, { recursive: true, force: true });
        await rm(files, { recursive: true, force: true });
      }
    });
  });
}
