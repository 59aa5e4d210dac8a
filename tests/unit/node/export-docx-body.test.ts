// The Word body is written as XML text for speed (docx-body.ts); the docx library's objects are
// the reference. These tests fail the moment the two documents differ by one byte in any part.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { renderDocx } from '../../../electron/node/export/docx';
import { briefFor } from '../../../electron/node/export/exporter';
import type { Brief, BriefTemplate } from '../../../electron/node/export/brief';
import type { ExportLanguage, ExportLayout } from '../../../electron/node/export/options';
import { createExampleForums } from '../../../electron/node/notebook/example-forums';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { lampungWorkshop } from '../../support/forums';

// Markdown that exercises every structure a note can hold, and text that must be escaped.
const HOSTILE = {
  id: [
    '# Judul <b>&amp; "kutipan" \'tunggal\'',
    'Paragraf dengan **tebal**, *miring*, `kode` dan baris  \nbaru. Kontrol:\u0001\u0008 tab\tdi sini. 김민지',
    '3. tiga\n4. empat\n   1. satu dalam\n   2. dua dalam\n5. lima',
    '- > kutipan di butir\n- ```\n  kode di butir\n  ```\n- ---\n- butir\n  - anak\n    - cucu',
    '| Kolom A | Kolom **B** | C |\n| --- | --- | --- |\n| 1 | dua | tiga |\n| empat | | 6 |',
    '> kutipan\n>\n> - daftar dalam kutipan',
    '```\nblok <kode>\n```',
    '---',
    '>',
  ].join('\n\n'),
  en: [
    '## Heading with ]]> and <script>',
    '1. one\n2. two\n\n- after\n\n7. seven',
    '| only head |\n| --- |',
  ].join('\n\n'),
};

let dir: string;
const forums: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'risalah-docx-body-'));
  const workspace = await Workspace.open(dir, { holder: 'test' });
  const notebook = new NotebookService(workspace);
  const agreement = new AgreementService(workspace, notebook.search);
  forums.push(...createExampleForums(notebook, agreement));
  const hostile = notebook.createForum({ ...lampungWorkshop, name: { id: 'Uji', en: 'Test' } }).id;
  const session = notebook.createSession(hostile, {
    title: { id: 'Sesi <1>', en: 'Session & 1' },
    kind: 'thematic',
    start: null,
    end: null,
  });
  notebook.createNote(hostile, { sessionId: session.id, body: HOSTILE, tags: [] });
  notebook.createNote(hostile, { sessionId: null, body: { id: '', en: HOSTILE.id }, tags: [] });
  // The same words twice: the second note is written from what the first one wrote (its lists
  // numbered where they stand).
  notebook.createNote(hostile, { sessionId: session.id, body: HOSTILE, tags: [] });
  forums.push(hostile);
  await workspace.close();
});

/**
 * Every part of a Word package, by path, as text; left out: the creation time, and the id the
 * library gives each picture from a counter of the process (so two renders never share it).
 */
function parts(docx: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(docx)).map(([path, data]) => [
      path,
      strFromU8(data)
        .replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '')
        .replace(/<wp:docPr id="\d+"/g, '<wp:docPr id=""'),
    ]),
  );
}

/** Where two texts part, with what each has there; null when they are the same. */
function difference(a = '', b = ''): string | null {
  if (a === b) return null;
  let i = 0;
  while (a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 300), i)}⟦${a.slice(i, i + 300)}⟧ but the library has ⟦${b.slice(i, i + 300)}⟧`;
}

async function briefs(): Promise<{ name: string; brief: Brief }[]> {
  const workspace = await Workspace.open(dir, { holder: 'test' });
  try {
    return forums.flatMap((forumId) =>
      (['summary', 'travel-report'] as BriefTemplate[]).map((template) => ({
        name: `${workspace.forum(forumId).forum.name.en} ${template}`,
        brief: briefFor(workspace, { forumId, template, language: 'both', contactIds: [] }),
      })),
    );
  } finally {
    await workspace.close();
  }
}

const variants: [ExportLanguage, ExportLayout][] = [
  ['id', 'parallel'],
  ['en', 'parallel'],
  ['both', 'parallel'],
  ['both', 'sequential'],
];

describe('DOCX body written as XML', () => {
  it('gives the very package the docx library gives, part by part, for every forum, template, language and layout', async () => {
    let compared = 0;
    for (const { name, brief } of await briefs()) {
      for (const [language, layout] of variants) {
        const options = { language, layout, useOtherLanguage: true };
        const fast = parts(await renderDocx(brief, options));
        const reference = parts(await renderDocx(brief, options, 'library'));
        // Once more: every note is now written from what the first render kept.
        expect(
          parts(await renderDocx(brief, options)),
          `${name} ${language} ${layout} again`,
        ).toEqual(fast);
        expect(Object.keys(fast), `${name} ${language} ${layout}`).toEqual(Object.keys(reference));
        for (const path of Object.keys(reference)) {
          expect(
            difference(fast[path], reference[path]),
            `${name} ${language} ${layout}: ${path}`,
          ).toBe(null);
        }
        compared++;
      }
    }
    expect(compared).toBe(forums.length * 2 * variants.length);
  });

  it('keeps every structure of a hostile note: numbered lists restart, nothing is lost or left raw', async () => {
    const hostile = (await briefs()).filter((b) => b.name.startsWith('Test'));
    const { brief } = hostile[0] ?? { brief: null };
    if (!brief) throw new Error('no hostile brief');
    const xml = parts(
      await renderDocx(brief, { language: 'id', layout: 'parallel', useOtherLanguage: true }),
    )['word/document.xml'];
    const text = (xml ?? '').replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
    for (const words of [
      'kutipan di butir',
      'kode di butir',
      'Kolom A',
      'cucu',
      'blok &lt;kode&gt;',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Judul &lt;b&gt;&amp; &quot;kutipan&quot; &apos;tunggal&apos;');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u0008');
    expect(xml).not.toContain('**');
    // The ordered list starting at 3 has a numbering of its own that starts there.
    const numbering = parts(
      await renderDocx(brief, { language: 'id', layout: 'parallel', useOtherLanguage: true }),
    )['word/numbering.xml'];
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
  });
});

// A profile of its own: a LibreOffice started by another test file at the same time (vitest
// runs files in parallel) would otherwise take the conversion over, or refuse it.
const profile = `file://${mkdtempSync(join(tmpdir(), 'risalah-lo-profile-'))}`;

/** The text of a Word file's last page, as LibreOffice lays it out (to PDF, then pdftotext). */
function lastPage(docx: Buffer): string {
  const out = mkdtempSync(join(tmpdir(), 'risalah-docx-pages-'));
  const file = join(out, 'brief.docx');
  writeFileSync(file, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(out, 'brief.pdf');
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
  return execFileSync('pdftotext', ['-layout', '-f', `${pages}`, '-l', `${pages}`, pdf, '-'], {
    encoding: 'utf8',
  });
}

describe('DOCX signatures in LibreOffice', () => {
  it('never stand alone on the last page: what precedes them comes along', async () => {
    const example = (await briefs()).filter((b) => b.name.startsWith('World Human Rights'));
    expect(example).toHaveLength(2);
    for (const { name, brief } of example) {
      for (const [language, layout] of variants) {
        const docx = await renderDocx(brief, { language, layout, useOtherLanguage: true });
        const text = lastPage(docx);
        const placeDate = brief.closing.placeDate[language === 'en' ? 'en' : 'id'];
        const at = text.indexOf(placeDate);
        expect(at, `${name} ${language} ${layout}`).toBeGreaterThan(-1);
        // Above the place and date: words of the body, not only the parallel table's header.
        const above = text
          .slice(0, at)
          .replace(brief.languageNames.id, '')
          .replace(brief.languageNames.en, '');
        expect(above, `${name} ${language} ${layout}: ${text}`).toMatch(/\p{L}{3,}/u);
      }
    }
  }, 240_000);
});
