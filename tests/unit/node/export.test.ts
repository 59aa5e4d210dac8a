import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { ContactsService } from '../../../electron/node/contacts/contacts-service';
import { blankContact } from '../../../electron/node/contacts/vcard';
import { exportForum } from '../../../electron/node/export/exporter';
import type { ExportRequest } from '../../../electron/node/export/exporter';
import { createExampleForums } from '../../../electron/node/notebook/example-forums';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { lampungWorkshop } from '../../support/forums';

let dir: string;
let forumId: string;
let emptyForumId: string;
let contactId: string;
let sensitiveId: string;
let koreanId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'risalah-export-'));
  const workspace = await Workspace.open(dir, { holder: 'test' });
  const notebook = new NotebookService(workspace);
  const agreement = new AgreementService(workspace, notebook.search);
  createExampleForums(notebook, agreement);
  forumId = notebook.listForums().find((f) => f.acronym === 'WHRCF 2017')?.id ?? '';
  emptyForumId = notebook.createForum({
    ...lampungWorkshop,
    name: { id: 'Forum Kosong', en: 'Empty Forum' },
  }).id;
  const contacts = new ContactsService(workspace, notebook.search);
  const met = [{ forumId, sessionId: null }];
  const base = {
    ...blankContact(),
    position: { id: 'Direktur', en: 'Director' },
    organisation: { id: 'Kota Gwangju', en: 'Gwangju City' },
    country: 'KR',
    city: 'Gwangju',
    met,
  };
  contactId = contacts.create({ ...base, name: 'Agnès Dewi-Nguyễn', sensitive: false }).id;
  sensitiveId = contacts.create({ ...base, name: 'Pembela Rahasia', sensitive: true }).id;
  koreanId = contacts.create({ ...base, name: 'Kim Min-ji 김민지', sensitive: false }).id;
  await workspace.close();
});

async function run(request: Partial<ExportRequest>) {
  const workspace = await Workspace.open(dir, { holder: 'test' });
  try {
    return await exportForum(workspace, {
      forumId,
      format: 'md',
      language: 'both',
      layout: 'parallel',
      template: 'summary',
      useOtherLanguage: true,
      contactIds: [contactId],
      date: '2017-09-20',
      ...request,
    });
  } finally {
    await workspace.close();
  }
}

/** LibreOffice, headless, as a Word user's other program would read the file. */
function docxText(content: Buffer): string {
  const out = mkdtempSync(join(tmpdir(), 'risalah-docx-'));
  const file = join(out, 'brief.docx');
  writeFileSync(file, content);
  execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', out, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(join(out, 'brief.txt'), 'utf8');
}

describe('commitment summary export', () => {
  it('Markdown parses as CommonMark, with headings, clauses in both languages and names with diacritics', async () => {
    const file = await run({ format: 'md' });
    const text = file.content.toString('utf8');
    const tokens = new MarkdownIt('commonmark').enable('table').parse(text, {});
    const headings = tokens
      .filter((t, i) => tokens[i - 1]?.type === 'heading_open' && t.type === 'inline')
      .map((t) => t.content);
    expect(headings).toContain('RINGKASAN KOMITMEN / COMMITMENT SUMMARY');
    expect(headings).toContain(
      'III. Butir kesepakatan dan sikap delegasi / III. Agreement clauses and positions',
    );
    expect(text).toContain('Memperkuat demokrasi lokal dan partisipatif');
    expect(text).toContain('Strengthen local and participatory democracy');
    expect(text).toContain('Agnès Dewi-Nguyễn');
    expect(text).not.toContain('Pembela Rahasia');
    expect(text).toContain('Bagian Hukum Sekretariat Daerah');
  });

  it('Markdown side by side is a table: each row pairs a clause or a note paragraph with its English', async () => {
    const text = (await run({ format: 'md' })).content.toString('utf8');
    // Read by a GitHub-flavoured viewer, which takes the <br> that joins lines in a cell.
    const html = new MarkdownIt('commonmark', { html: true }).enable('table').render(text);
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? '');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      expect(table).toContain('<th>Bahasa Indonesia</th>\n<th>English</th>');
    }
    const rows = tables.flatMap((t) =>
      [...t.matchAll(/<tr>\s*<td>([\s\S]*?)<\/td>\s*<td>([\s\S]*?)<\/td>\s*<\/tr>/g)].map(
        (m): [string, string] => [m[1] ?? '', m[2] ?? ''],
      ),
    );
    const row = (id: string) => rows.find(([left]) => left.includes(id));
    expect(row('Memperkuat demokrasi lokal dan partisipatif')?.[1]).toContain(
      'Strengthen local and participatory democracy',
    );
    expect(row('Forum ketujuh, diselenggarakan setiap tahun')?.[1]).toContain(
      'The seventh forum, held every year',
    );
    // A list item keeps its mark in its cell; no raw Markdown list marker is left in a row.
    expect(rows.some(([left, right]) => left.startsWith('• ') && right.startsWith('• '))).toBe(
      true,
    );
    // Section headings stand outside the tables, in both languages.
    expect(html).toContain(
      '<h2>III. Butir kesepakatan dan sikap delegasi / III. Agreement clauses and positions</h2>',
    );
  });

  it('lists a sensitive contact only when chosen one by one', async () => {
    const chosen = (
      await run({ format: 'md', contactIds: [contactId, sensitiveId] })
    ).content.toString('utf8');
    expect(chosen).toContain('Pembela Rahasia');
  });

  for (const [language, title, clause] of [
    ['id', 'RINGKASAN KOMITMEN', 'Memperkuat demokrasi lokal'],
    ['en', 'COMMITMENT SUMMARY', 'Strengthen local and participatory democracy'],
  ] as const) {
    it(`HTML in ${language} only: headings and dates in that language`, async () => {
      const html = (await run({ format: 'html', language })).content.toString('utf8');
      expect(html).toContain(`<h1 lang="${language}">${title}</h1>`);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(clause);
      expect(html).toContain(
        // Intl's own range: a thin space around the dash in English.
        language === 'id' ? '14–17 September 2017' : '14\u2009–\u200917 September 2017',
      );
      expect(html).not.toMatch(/<script/);
    });
  }

  it('sequential layout gives the whole brief in Indonesian, then in English', async () => {
    const text = (await run({ format: 'md', layout: 'sequential' })).content.toString('utf8');
    const [id, en] = text.split('\n---\n');
    expect(id).toContain('# RINGKASAN KOMITMEN');
    expect(id).not.toContain('COMMITMENT SUMMARY');
    expect(en).toContain('# COMMITMENT SUMMARY');
  });

  it('lists what is missing in the chosen language, and marks the other language used for it', async () => {
    const file = await run({ format: 'md', language: 'en', template: 'summary' });
    expect(
      file.missing.some((m) => m.language === 'en' && m.where.id.includes('Lampung Timur dikenal')),
    ).toBe(true);
    const rendered = new MarkdownIt('commonmark')
      .enable('table')
      .render(file.content.toString('utf8'));
    expect(rendered).toMatch(/Lampung Timur dikenal[^<]*\[not yet translated\]/);
  });

  it('a forum with no notes, clauses or commitments still exports a document that says so', async () => {
    const text = (
      await run({ forumId: emptyForumId, format: 'md', language: 'en' })
    ).content.toString('utf8');
    expect(text).toContain('No notes were recorded for this forum.');
    expect(text).toContain('No agreement clauses were recorded for this forum.');
    expect(text).toContain('The delegation made no commitments at this forum.');
  });

  for (const layout of ['parallel', 'sequential'] as const) {
    it(`PDF (both, ${layout}): A4, embedded fonts, selectable text with diacritics and Korean names`, async () => {
      const file = await run({ format: 'pdf', layout, contactIds: [contactId, koreanId] });
      const path = join(mkdtempSync(join(tmpdir(), 'risalah-pdf-')), 'brief.pdf');
      writeFileSync(path, file.content);
      // In content order, so a text wrapped inside its column of a parallel row reads whole.
      const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain('RINGKASAN KOMITMEN');
      expect(text).toContain('COMMITMENT SUMMARY');
      expect(text).toContain('Memperkuat demokrasi lokal dan partisipatif');
      expect(text).toContain('Agnès Dewi-Nguyễn');
      expect(text).toContain('김민지');
      // Page numbers in both languages.
      expect(text).toMatch(/Halaman 1 dari \d+ · Page 1 of \d+|Halaman 1 dari \d+/);
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
      expect(fonts).toMatch(/Arimo-Regular .* yes yes yes/);
      expect(fonts).toMatch(/NotoSansKR-(Regular|Bold) .* yes yes yes/);
      // The document says its language, for screen readers and text-to-speech.
      expect(file.content.toString('latin1')).toMatch(/\/Lang \(id-ID\)/);
    }, 60_000);
  }

  it('PDF: a note of some two hundred different letters reads back letter for letter, words whole', async () => {
    // More glyphs than the bytes a PDF string must escape ("(", ")", "\\", line ends) are ids
    // of the font subset: each glyph id is written as two bytes of a string (issue 13).
    const lines = [
      'ABCDEFGHIJKLM NOPQRSTUVWXYZ abcdefghijklm nopqrstuvwxyz 0123456789',
      'AVATAR Toyota WAVE fjord office (1/2) "kutip" 50% $3 @rapat +62 a=b; c: d? e! f,',
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ ÐÑÒÓÔÕÖØÙÚÛÜÝÞß àáâãäåæçèéêëìíîï ðñòóôõöøùúûüýþÿ',
      'ĀāĂăĄąĆćĈĉĊċČčĎď ĐđĒēĔĕĖėĘęĚěĜĝĞğ ĠġĢģĤĥĦħĨĩĪīĬĭĮį Nguyễn Thị Hồng',
    ];
    const workspace = await Workspace.open(dir, { holder: 'test' });
    const notebook = new NotebookService(workspace);
    const forum = notebook.createForum({
      ...lampungWorkshop,
      name: { id: 'Huruf', en: 'Letters' },
    });
    notebook.createNote(forum.id, {
      sessionId: null,
      body: { id: lines.join('\n\n'), en: lines.join('\n\n') },
      tags: [],
    });
    await workspace.close();
    const file = await run({ forumId: forum.id, format: 'pdf', language: 'en', contactIds: [] });
    const path = join(mkdtempSync(join(tmpdir(), 'risalah-pdf-')), 'letters.pdf');
    writeFileSync(path, file.content);
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
    for (const line of lines) expect(text).toContain(line);
  }, 60_000);

  for (const [language, layout] of [
    ['id', 'parallel'],
    ['en', 'parallel'],
    ['both', 'parallel'],
    ['both', 'sequential'],
  ] as const) {
    it(`DOCX (${language}, ${layout}) reads back in LibreOffice with its headings, clauses and names`, async () => {
      const file = await run({ format: 'docx', language, layout, template: 'travel-report' });
      expect(file.content.subarray(0, 2).toString()).toBe('PK');
      const text = docxText(file.content);
      if (language !== 'en') {
        expect(text).toContain('LAPORAN PERJALANAN DINAS');
        expect(text).toContain('I. Dasar');
        expect(text).toContain('Memperkuat demokrasi lokal dan partisipatif');
      }
      if (language !== 'id') {
        expect(text).toContain('OFFICIAL TRAVEL REPORT');
        expect(text).toContain('VI. Conclusions and recommendations');
        expect(text).toContain('Strengthen local and participatory democracy');
      }
      expect(text).toContain('Drs. Hendra Wijaya Kusuma, M.Si.');
      // Follow-up steps say their state in words, never as "[ ]".
      expect(text).not.toContain('[ ]');
    }, 120_000);
  }
});

describe('documents that cannot carry code (issue 16)', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  async function hostileForum() {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    const notebook = new NotebookService(workspace);
    const agreement = new AgreementService(workspace, notebook.search);
    const forum = notebook.createForum({ ...lampungWorkshop, name: { id: hostile, en: hostile } });
    const documentId = agreement.createDocument(forum.id, {
      title: { id: 'Deklarasi', en: 'Declaration' },
      kind: 'declaration',
      authoritativeLanguage: 'en',
      status: 'read',
      source: '',
    }).id;
    agreement.apply(forum.id, documentId, 'en', [{ number: hostile, text: `**bold** ${hostile}` }]);
    notebook.createNote(forum.id, {
      sessionId: null,
      body: { id: `<script>alert(1)</script>\n\n${hostile}`, en: '[link](javascript:alert(1))' },
      tags: [],
    });
    await workspace.close();
    return forum.id;
  }

  it('Markdown escapes every field, clause numbers included: a viewer that renders HTML shows text', async () => {
    const id = await hostileForum();
    const text = (await run({ forumId: id, format: 'md', language: 'both' })).content.toString(
      'utf8',
    );
    // Rendered as a permissive viewer would (raw HTML on), no element comes out of a field.
    const rendered = new MarkdownIt({ html: true }).render(text);
    expect(rendered).not.toMatch(/<img|<script|href="javascript/i);
    expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('HTML escapes every field, and a note’s Markdown becomes structure, never markup from the note', async () => {
    const id = await hostileForum();
    for (const template of ['summary', 'travel-report'] as const) {
      const html = (
        await run({ forumId: id, format: 'html', language: 'both', template })
      ).content.toString('utf8');
      expect(html).not.toMatch(/<img src=x|<script|href=/i);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});

describe('exports after an edit (each note is set once and kept by its text)', () => {
  it('a note edited after an export reads as edited in the next export, in every text format and layout, and two notes with the same words both appear', async () => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    const notebook = new NotebookService(workspace);
    const forum = notebook.createForum({ ...lampungWorkshop, name: { id: 'Ulang', en: 'Again' } });
    const body = (word: string) => ({
      id: `Paragraf ${word}.\n\n- butir ${word}\n- butir kedua`,
      en: `Paragraph ${word}.\n\n- item ${word}\n- second item`,
    });
    const note = notebook.createNote(forum.id, {
      sessionId: null,
      body: body('pertama'),
      tags: [],
    });
    notebook.createNote(forum.id, { sessionId: null, body: body('pertama'), tags: [] });
    await workspace.close();
    const exports = async () => {
      const texts: string[] = [];
      for (const format of ['md', 'html'] as const)
        for (const layout of ['parallel', 'sequential'] as const)
          for (const language of ['id', 'both'] as const)
            texts.push(
              (await run({ forumId: forum.id, format, layout, language })).content.toString('utf8'),
            );
      return texts;
    };
    for (const text of await exports()) {
      expect(text.match(/butir pertama/g)).toHaveLength(2);
      expect(text).not.toContain('kedua puluh');
    }
    const again = await Workspace.open(dir, { holder: 'test' });
    new NotebookService(again).updateNote(forum.id, note.id, { body: body('kedua puluh') });
    await again.close();
    for (const text of await exports()) {
      expect(text.match(/butir pertama/g)).toHaveLength(1);
      expect(text.match(/butir kedua puluh/g)).toHaveLength(1);
    }
  });
});

describe('Word documents as an office reads them', () => {
  it('tag each run with its language, use restrained headings, real lists and fixed table widths', async () => {
    const file = await run({ format: 'docx', language: 'id', template: 'travel-report' });
    const dir2 = mkdtempSync(join(tmpdir(), 'risalah-docx-xml-'));
    writeFileSync(join(dir2, 'a.docx'), file.content);
    const xml = execFileSync('unzip', ['-p', join(dir2, 'a.docx'), 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const styles = execFileSync('unzip', ['-p', join(dir2, 'a.docx'), 'word/styles.xml'], {
      encoding: 'utf8',
    });
    expect(xml).toContain('<w:lang w:val="id-ID" w:eastAsia="ko-KR"/>');
    expect(xml).not.toContain('w:val="en-GB"');
    // Headings are Word headings (navigation pane, outline), styled black and body-sized.
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:color w:val="000000"\/>/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:keepNext\/>/);
    expect(styles).toContain('w:ascii="Arial"');
    // Lists are Word lists; rows never split across pages.
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // The kop carries its logo as a picture.
    expect(xml).toContain('<pic:pic');
  });
});
