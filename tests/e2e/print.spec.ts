import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

/** What the page prints, as text: Chromium's own print rendering, read back by pdftotext. */
async function printedText(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({ path: file, format: 'A4' });
  await testInfo.attach(name, { path: file, contentType: 'application/pdf' });
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

/** The app's chrome, none of which belongs on paper. */
const chrome = [
  'Delegation notebook',
  'New forum',
  'Settings',
  'Report details',
  'Agreement',
  'Move forum to trash',
  'Edit forum',
];

for (const viewport of [
  { width: 1360, height: 860 },
  { width: 800, height: 700 },
]) {
  test.describe(`print (${viewport.width}×${viewport.height})`, () => {
    test.use({ systemLang: 'en_GB.UTF-8', viewport });

    test('a note, the agenda and the commitments print without the app around them', async ({
      page,
      server,
    }, testInfo) => {
      // The print dialog itself belongs to the system: count the calls instead of opening it.
      await page.addInitScript(() => {
        const w = window as Window & { printed?: number };
        w.printed = 0;
        window.print = () => {
          w.printed = (w.printed ?? 0) + 1;
        };
      });
      const printed = () => page.evaluate(() => (window as Window & { printed?: number }).printed);
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Open an example' }).click();
      const menu = page.getByRole('button', { name: 'Open the menu' });
      if (viewport.width < 1000) await menu.click();
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();

      // The agenda: every session, none of its buttons.
      await page.getByRole('button', { name: 'Print agenda' }).click();
      expect(await printed()).toBe(1);
      const agenda = await printedText(page, testInfo, 'agenda');
      expect(agenda).toContain('World Human Rights Cities Forum 2017');
      expect(agenda).toContain('Opening Ceremony');
      expect(agenda).toContain('Closing Ceremony');
      for (const word of [...chrome, 'Add session', 'Write a note', 'Print agenda'])
        expect(agenda, `agenda printed "${word}"`).not.toContain(word);

      // A note: its text in both languages, rendered, without the list or the editor's controls.
      await page.getByRole('tab', { name: 'Notes' }).click();
      await page
        .getByRole('list', { name: /^Notes$/ })
        .getByRole('button')
        .first()
        .click();
      const sides = page.locator('textarea.note-text');
      const indonesian = await sides.nth(0).inputValue();
      const english = await sides.nth(1).inputValue();
      await sides.nth(0).fill(`${indonesian}\n\nDicetak dari Risalah **hari ini**.`);
      await page.getByRole('button', { name: 'Print note' }).click();
      expect(await printed()).toBe(2);
      const note = await printedText(page, testInfo, 'note');
      const firstLine = (text: string) =>
        text
          .split('\n')
          .map((line) => line.replace(/^[#\s-]+/, '').trim())
          .find(Boolean) ?? '';
      expect(note).toContain(firstLine(indonesian));
      expect(note).toContain(firstLine(english));
      // Rendered from its Markdown: the emphasis is text, not asterisks.
      expect(note).toContain('Dicetak dari Risalah hari ini.');
      expect(note).toContain('Thematic Session: Strengthening Local and Participatory Democracy');
      for (const word of [...chrome, 'New note', 'All notes', 'Print note', 'Move note to trash'])
        expect(note, `note printed "${word}"`).not.toContain(word);
      expect(note).not.toContain('Both languages');

      // The commitments of the forum.
      await page.getByRole('tab', { name: 'Commitments' }).click();
      await page.getByRole('button', { name: 'Print commitments' }).click();
      expect(await printed()).toBe(3);
      const commitments = await printedText(page, testInfo, 'commitments');
      const statement = await page.locator('.commitment-statement').first().textContent();
      expect(statement?.trim()).toBeTruthy();
      expect(commitments).toContain(statement?.replace(/\s+/g, ' ').trim());
      for (const word of [...chrome, 'New commitment', 'Print commitments'])
        expect(commitments, `commitments printed "${word}"`).not.toContain(word);
    });
  });
}
