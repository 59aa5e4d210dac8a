import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect as baseExpect, demoSeed, test } from './fixtures';
import { openForumTab, openWhrcfSection } from './steps';
import {
  colleagueLaptop,
  firstStart,
  receiveFile,
  RINA,
  sendFile,
  SIDE_EVENT,
  writeNote,
} from './team-steps';
import { wording } from './wording';

// Each step waits on the host: a shared document, a merge, an export. Seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * The issue's last "done when": two laptops (two browser-mode instances on two workspaces),
 * a note typed in each on the same session, exchanged by file, and the travel report the
 * head's laptop exports (Word, as the office prints it, read back through LibreOffice) names
 * both members: among those who travelled, and in the session's "notes by" line.
 */

/** A colleague the head's profile does not know yet: he names himself on his own laptop. */
const BUDI = 'Budi Santoso, S.IP.';
const RINA_NOTE = 'Catatan Rina: Lampung Timur memaparkan rencana aksi kabupaten ramah HAM.';
const BUDI_NOTE = 'Catatan Budi: peserta dari Korea bertanya tentang anggaran desa.';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function look(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => document.fonts.ready);
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
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
      seed: demoSeed,
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
      const budiLaptop = await colleagueLaptop(browser, systemLang, locale);
      const budi = budiLaptop.page;
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
        await firstStart(budi, budiLaptop.server, t, BUDI);
        await receiveFile(budi, t, fromRina, RINA);
        await budi
          .getByRole('navigation')
          .getByRole('button', { name: /WHRCF 2017/ })
          .first()
          .click();
        await writeNote(budi, t, lang, BUDI_NOTE);
        const fromBudi = await sendFile(budi, t, files, 'from-budi.risalah');

        // Back on the head's laptop: Budi's note arrives with his name.
        await openForumTab(rina, t, 'share');
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
        await openWhrcfSection(rina, t, 'report');
        const saved = rina.waitForResponse((r) => r.url().includes('/api/report.update') && r.ok());
        await rina.getByRole('checkbox', { name: BUDI }).check();
        await saved;
        await expect(rina.getByRole('checkbox', { name: RINA })).toBeChecked();

        // The travel report, in Word, in the UI's language, saved by clicking Export.
        await openForumTab(rina, t, 'export');
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
        const session = text.indexOf(SIDE_EVENT[lang]);
        expect(session).toBeGreaterThan(-1);
        const notesBy = t('export:sessionNotesBy', { names: '' }).replace(/ ?\.$/, '');
        const line = text.slice(text.indexOf(notesBy, session)).slice(0, 300);
        expect(line).toMatch(
          new RegExp(`^${escape(notesBy)} [^]*?${escape(`${RINA}, ${BUDI}`)} (?!\\.)`),
        );
        // The pages, to look at.
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath(`${lang}-report`)]);
      } finally {
        await budiLaptop.dispose();
        await rm(files, { recursive: true, force: true });
      }
    });
  });
}
