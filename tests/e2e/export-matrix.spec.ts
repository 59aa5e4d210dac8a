import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Every document Risalah makes, as it ships: both example forums, in every format, language,
// layout and template, saved by clicking Export in browser mode and written by the built CLI,
// then read back by programs that are not Risalah: LibreOffice turns each Word file into a PDF,
// poppler's pdftotext reads those and Risalah's own PDFs, Chromium reads the HTML.

test.use({ systemLang: 'en_GB.UTF-8' });

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const formats = ['docx', 'pdf', 'html', 'md'] as const;
const templates = ['summary', 'travel-report'] as const;
const variants = [
  ['id', 'parallel'],
  ['en', 'parallel'],
  ['both', 'parallel'],
  ['both', 'sequential'],
] as const;
type Format = (typeof formats)[number];
type Template = (typeof templates)[number];
type Language = (typeof variants)[number][0];
type Layout = (typeof variants)[number][1];

interface Made {
  path: string;
  forum: string;
  format: Format;
  template: Template;
  language: Language;
  layout: Layout;
}

const headings = {
  'travel-report': {
    id: [
      'LAPORAN PERJALANAN DINAS',
      'I. Dasar',
      'II. Maksud dan Tujuan',
      'III. Waktu dan Tempat',
      'IV. Pelaksana/Peserta',
      'V. Hasil yang Dicapai',
      'VI. Kesimpulan dan Saran',
      'VII. Penutup',
    ],
    en: [
      'OFFICIAL TRAVEL REPORT',
      'I. Basis',
      'II. Purpose and objectives',
      'III. Time and place',
      'IV. Delegation members',
      'V. Results achieved',
      'VI. Conclusions and recommendations',
      'VII. Closing',
    ],
  },
  summary: {
    id: [
      'RINGKASAN KOMITMEN',
      'I. Forum dan delegasi',
      'II. Ringkasan',
      'III. Butir kesepakatan dan sikap delegasi',
      'IV. Komitmen',
      'V. Catatan sesi',
    ],
    en: [
      'COMMITMENT SUMMARY',
      'I. Forum and delegation',
      'II. Summary',
      'III. Agreement clauses and positions',
      'IV. Commitments',
      'V. Session notes',
    ],
  },
} as const;

/** What the workspace holds, read from its files (not through Risalah). */
function expected(workspace: string) {
  // A stored document is an envelope: { format, sha256, data }.
  const read = (path: string): unknown =>
    (JSON.parse(readFileSync(path, 'utf8')) as { data: unknown }).data;
  const ws = read(join(workspace, 'workspace.json')) as {
    profile: { members: { id: string; name: string; nip: string }[] };
    forums: { id: string; name: { en: string } }[];
  };
  return ws.forums.map((entry) => {
    const forum = read(join(workspace, 'forums', `${entry.id}.json`)) as {
      report: { memberIds: string[]; assignment: { number: string } };
      notes: { body: { id: string; en: string }; deletedAt: string | null }[];
    };
    return {
      id: entry.id,
      name: entry.name.en,
      members: forum.report.memberIds.map(
        (id) => ws.profile.members.find((m) => m.id === id) ?? { name: '?', nip: '?' },
      ),
      assignment: forum.report.assignment.number,
      // The longest note with a list: three paragraphs and more, to be found in full.
      note: forum.notes
        .filter((n) => !n.deletedAt && /\n- /.test(n.body.id) && /\n- /.test(n.body.en))
        .sort((a, b) => b.body.id.length - a.body.id.length)[0]?.body,
    };
  });
}

const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** The words of a note's Markdown, as a reader sees them: no marks, no list bullets. */
function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n+/)
    .map((line) => line.replace(/^#+\s*|^-\s+|\*\*/g, '').trim())
    .filter(Boolean);
}

/** Words of the source, lower-cased, split at hyphens and slashes (where lines may break). */
function words(text: string): string[] {
  return text
    .replace(/\\(.)/g, '$1')
    .split(/[\s\u00a0/–—-]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

/**
 * A Markdown file's text as its reader gets it: escapes undone, and in the cells of a
 * side-by-side table `<br>` is the line break and `&nbsp;` the space they show.
 */
const markdownText = (path: string, lineBreak = '<br>') =>
  readFileSync(path, 'utf8')
    .replace(/\\(.)/g, '$1')
    .replace(/<br>/g, lineBreak)
    .replace(/&nbsp;/g, ' ');

/** The text as a reader gets it, and its rows: lines of a page, or rows of an HTML table. */
async function textOf(page: Page, made: Made, converted: Map<string, string>) {
  if (made.format === 'md') {
    // A row is a line of the file: a table row holds both languages, whatever its cells hold.
    const rows = markdownText(made.path, ' ').split('\n');
    return { text: markdownText(made.path, '\n'), rows };
  }
  if (made.format === 'html') {
    await page.setContent(readFileSync(made.path, 'utf8'));
    const text = await page.locator('body').innerText();
    const rows = await page
      .locator('table.pair > tbody > tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.children]
            .map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' '))
            .join(' | '),
        ),
      );
    return { text, rows };
  }
  const pdf = made.format === 'pdf' ? made.path : (converted.get(made.path) ?? '');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { text, rows: text.split('\n') };
}

async function check(page: Page, made: Made, converted: Map<string, string>, workspace: string) {
  const label = `${made.forum} ${made.template} ${made.language} ${made.layout} ${made.format} (${made.path})`;
  const forum = expected(workspace).find((f) => f.name === made.forum);
  expect(forum, label).toBeTruthy();
  if (!forum) return;
  const { text, rows } = await textOf(page, made, converted);
  const languages = made.language === 'both' ? (['id', 'en'] as const) : [made.language];

  // Headings, in order, in each language.
  for (const l of languages) {
    let from = 0;
    for (const heading of headings[made.template][l]) {
      const at = flat(text).indexOf(heading, from);
      expect(at, `${label}: "${heading}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + heading.length;
    }
  }

  if (made.format === 'docx' || made.format === 'pdf') {
    checkPageNumbers(label, text);
    if (made.template === 'travel-report') {
      const pdf = made.format === 'pdf' ? made.path : (converted.get(made.path) ?? '');
      for (const l of made.language === 'en' ? (['en'] as const) : (['id'] as const)) {
        checkClosingPage(label, pdf, headings[made.template][l].at(-1) ?? '');
      }
      if (made.layout === 'sequential') checkClosingPage(label, pdf, 'VII. Closing');
    }
  }

  // Read in content order (not layout), so a text wrapped inside its table cell, or set beside
  // its translation, reads whole.
  // A paragraph that runs on to the next page is still whole: the page's footer ("Page 2 of
  // 4") that the reader finds between its halves is not part of it.
  const ordered =
    made.format === 'docx' || made.format === 'pdf'
      ? withoutPageFurniture(
          execFileSync(
            'pdftotext',
            ['-raw', made.format === 'pdf' ? made.path : (converted.get(made.path) ?? ''), '-'],
            { encoding: 'utf8' },
          ),
        )
      : text;
  if (made.template === 'travel-report') {
    for (const member of forum.members) {
      expect(flat(ordered), `${label}: member ${member.name}`).toContain(member.name);
      if (member.nip) {
        expect(flat(ordered), `${label}: NIP of ${member.name}`).toContain(member.nip);
      }
    }
    expect(flat(ordered), `${label}: assignment letter`).toContain(forum.assignment);
  }

  // The three-paragraph note with its list, in full.
  if (forum.note) {
    for (const l of languages) {
      for (const paragraph of paragraphs(forum.note[l])) {
        expect(flat(ordered), `${label}: note paragraph "${paragraph.slice(0, 40)}…"`).toContain(
          flat(paragraph),
        );
      }
    }
  }

  // Side by side, row by row: each heading and the note's paragraphs beside their English (in
  // Markdown, a line of its table).
  if (made.language === 'both' && made.layout === 'parallel') {
    headings[made.template].id.slice(1).forEach((id, i) => {
      const en = headings[made.template].en[i + 1] ?? '';
      expect(
        rows.some((row) => row.includes(id) && row.includes(en)),
        `${label}: "${id}" beside "${en}"`,
      ).toBe(true);
    });
    if (forum.note) {
      const id = paragraphs(forum.note.id);
      const en = paragraphs(forum.note.en);
      id.forEach((p, i) => {
        const start = (s: string) => s.split(' ').slice(0, 2).join(' ');
        expect(
          rows.some((row) => row.includes(start(p)) && row.includes(start(en[i] ?? ''))),
          `${label}: "${start(p)}" beside "${start(en[i] ?? '')}"`,
        ).toBe(true);
      });
    }
  }
}

/**
 * Every page says which page it is and of how many, the total filled in (LibreOffice left Word's
 * SECTIONPAGES empty: "Halaman 1 dari"); each language of a sequential layout counts its own.
 */
function checkPageNumbers(label: string, text: string) {
  const pages = text.split('\f').filter((page) => page.trim());
  const counted: number[][] = [];
  pages.forEach((page, i) => {
    const footer = /(?:Halaman|Page) (\d+) (?:dari|of) *(\d*)/.exec(page);
    expect(footer, `${label}: page ${i + 1} has its number`).toBeTruthy();
    const [, at = '', of = ''] = footer ?? [];
    expect(of, `${label}: page ${i + 1} says of how many pages ("${footer?.[0]}")`).toMatch(
      /^\d+$/,
    );
    if (at === '1') counted.push([]);
    counted[counted.length - 1]?.push(Number(of));
    expect(Number(at), `${label}: page ${i + 1} numbered in turn`).toBe(counted.at(-1)?.length);
  });
  for (const run of counted)
    expect(run, `${label}: each total is the pages counted`).toEqual(run.map(() => run.length));
}

/** Each page's lines of text, top to bottom: where each starts and ends, and what it says. */
function linesOf(pdf: string) {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
        ),
      ]
        .map(([, top = '0', bottom = '0', words = '']) => ({
          top: Number(top),
          bottom: Number(bottom),
          text: [...words.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
        }))
        // The page's footer and a parallel table's column heads, repeated on every page.
        .filter((line) => !/^(Halaman|Page) \d+|^(Bahasa Indonesia|English)$/.test(line.text)),
    );
}

/**
 * The closing (its heading, last paragraph, place, date and signatures) moves to a page of its
 * own only when it does not fit under what precedes it: it never leaves the page before it
 * with room for it. The page's text ends 2 cm above its edge; 20 pt allow for the spacing above
 * the heading and between lines, which the text's own boxes leave out.
 */
function checkClosingPage(label: string, pdf: string, heading: string) {
  const pages = linesOf(pdf);
  const at = pages.findIndex((page) => page.some((line) => line.text.startsWith(heading)));
  expect(at, `${label}: "${heading}" found`).toBeGreaterThan(0);
  const page = pages[at] ?? [];
  const top = page.find((line) => line.text.startsWith(heading))?.top ?? 0;
  if (page.some((line) => line.bottom < top)) return;
  const height = Math.max(...page.map((line) => line.bottom)) - top;
  const free = 841.89 - 56.69 - Math.max(...(pages[at - 1] ?? []).map((line) => line.bottom));
  expect(
    height + 20,
    `${label}: the closing (${height.toFixed(0)} pt) moved to page ${at + 1}, though page ${at} had ${free.toFixed(0)} pt free`,
  ).toBeGreaterThan(free);
}

/** The text without its page footers and page breaks. */
function withoutPageFurniture(text: string): string {
  return text
    .replace(/\f/g, '\n')
    .split('\n')
    .filter((line) => !/^\s*(Page \d+ of \d+|Halaman \d+ dari \d+)\s*$/.test(line))
    .join('\n');
}

/** No word of the source is broken across lines: every word read back is a word written. */
function checkWords(made: Made, text: string, source: string) {
  const known = new Set([
    ...words(source),
    // The page footers ("Halaman 7 dari 9") and the parallel table's column heads.
    ...words('Halaman dari Page of Bahasa Indonesia English'),
    ...Array.from({ length: 200 }, (_, i) => String(i + 1)),
  ]);
  const strange = [...new Set(words(text))].filter((w) => !known.has(w));
  expect(strange, `${made.path}: words not in the source (broken across lines?)`).toEqual([]);
}

/** Converts every Word file in one LibreOffice run, then reads back and checks every file. */
async function verify(made: Made[], workspace: string, browser: Browser, out: string) {
  const docx = made.filter((m) => m.format === 'docx').map((m) => m.path);
  const converted = join(out, 'converted');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), 'risalah-lo-'))}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      converted,
      ...docx,
    ],
    { stdio: 'ignore', timeout: 600_000 },
  );
  const pdfOf = new Map(
    docx.map((p) => [p, join(converted, basename(p).replace(/\.docx$/, '.pdf'))]),
  );
  expect(readdirSync(converted)).toHaveLength(docx.length);
  const reader = await browser.newPage();
  for (const m of made) {
    await check(reader, m, pdfOf, workspace);
    if (m.format === 'docx' || m.format === 'pdf') {
      const source = made.find(
        (s) =>
          s.format === 'md' &&
          s.forum === m.forum &&
          s.template === m.template &&
          s.language === m.language &&
          s.layout === m.layout,
      );
      const layoutText = execFileSync(
        'pdftotext',
        ['-layout', m.format === 'pdf' ? m.path : (pdfOf.get(m.path) ?? ''), '-'],
        { encoding: 'utf8' },
      );
      checkWords(m, layoutText, markdownText(source?.path ?? '', '\n'));
    }
  }
  await reader.close();
}

const forumNames = [
  'World Human Rights Cities Forum 2017',
  'Human Rights Capacity Building for Communities',
];

test('both example forums in every format, language, layout and template, saved by clicking Export in browser mode, read back by LibreOffice, pdftotext and Chromium', async ({
  page,
  server,
  browser,
}) => {
  test.setTimeout(600_000);
  const out = mkdtempSync(join(tmpdir(), 'risalah-matrix-'));
  const made: Made[] = [];
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Open an example' }).click();
  for (const [f, forumName] of forumNames.entries()) {
    await page
      .getByRole('button', { name: f === 0 ? /WHRCF 2017/ : /Human Rights Capacity Building/ })
      .first()
      .click();
    await page.getByRole('tab', { name: 'Export' }).click();
    for (const template of templates) {
      await page
        .getByLabel(
          template === 'summary'
            ? 'Commitment summary'
            : 'Official travel report (laporan perjalanan dinas)',
        )
        .check();
      for (const [language, layout] of variants) {
        await page
          .getByRole('radio', {
            name: { id: 'Indonesian', en: 'English', both: 'Both' }[language],
            exact: true,
          })
          .check();
        if (language === 'both') {
          await page
            .getByRole('radio', {
              name: layout === 'parallel' ? 'Side by side' : 'One after the other',
            })
            .check();
        }
        for (const format of formats) {
          await page
            .getByLabel(
              {
                docx: 'Word (.docx)',
                pdf: 'PDF (A4)',
                html: 'Web page (.html)',
                md: 'Markdown (.md)',
              }[format],
            )
            .check();
          const download = page.waitForEvent('download');
          await page.getByRole('button', { name: 'Save' }).click();
          const file = await download;
          const path = join(out, `ui-${f}-${file.suggestedFilename()}`);
          await file.saveAs(path);
          await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toContainText(
            file.suggestedFilename(),
          );
          made.push({ path, forum: forumName, format, template, language, layout });
        }
      }
    }
  }
  expect(made).toHaveLength(64);
  await verify(made, server.workspace, browser, out);
});

test('both example forums in every format, language, layout and template, written by the built CLI, read back by LibreOffice, pdftotext and Chromium', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const out = mkdtempSync(join(tmpdir(), 'risalah-matrix-cli-'));
  const workspace = join(out, 'workspace');
  const run = (args: string[]) =>
    execFileSync(process.execPath, [cli, ...args, '--workspace', workspace], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_GB.UTF-8' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  run(['demo']);
  const list = JSON.parse(run(['forums', '--json'])) as { id: string; name: { en: string } }[];
  expect(list.map((f) => f.name.en).sort()).toEqual([...forumNames].sort());
  const made: Made[] = [];
  for (const forum of list) {
    for (const template of templates) {
      for (const [language, layout] of variants) {
        for (const format of formats) {
          const path = join(out, `cli-${forum.id}-${template}-${language}-${layout}.${format}`);
          run([
            'export',
            '--forum',
            forum.id,
            '--format',
            format,
            '--lang',
            language,
            '--layout',
            layout,
            '--template',
            template,
            '--out',
            path,
          ]);
          made.push({ path, forum: forum.name.en, format, template, language, layout });
        }
      }
    }
  }
  expect(made).toHaveLength(64);
  await verify(made, workspace, browser, out);
});
