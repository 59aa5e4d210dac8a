import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { forumDocumentSchema } from '../../../electron/common/domain/forum-schema';
import type { ForumDocument } from '../../../electron/common/domain/forum-schema';
import type { Bilingual } from '../../../electron/common/domain/primitives';
import { logoDataUrlSchema } from '../../../electron/common/domain/report-input-schema';
import { workspaceDocumentSchema } from '../../../electron/common/domain/workspace-schema';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { createExampleForums } from '../../../electron/node/notebook/example-forums';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { decodeVerified } from '../../../electron/node/store/document-codec';
import { Workspace } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

const md = new MarkdownIt();

/** Top-level paragraphs and lists of a Markdown text, as a document would render them. */
function shape(text: string): { paragraphs: number; lists: number } {
  let paragraphs = 0;
  let lists = 0;
  for (const token of md.parse(text, {})) {
    if (token.level !== 0) continue;
    if (token.type === 'paragraph_open') paragraphs++;
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists++;
  }
  return { paragraphs, lists };
}

const full = (text: Bilingual) => text.id.trim() !== '' && text.en.trim() !== '';

/** NIP: birth date (YYYYMMDD), appointment (YYYYMM), sex (1 or 2), serial (NNN). */
function checkNip(nip: string): void {
  const match = /^(\d{4})(\d{2})(\d{2}) (\d{4})(\d{2}) ([12]) (\d{3})$/.exec(nip);
  expect(match, nip).not.toBeNull();
  const [, by, bm, bd, ay, am] = (match ?? []).map(Number) as number[];
  const born = new Date(Date.UTC(by ?? 0, (bm ?? 0) - 1, bd));
  expect(born.getUTCDate(), `${nip}: a real birth date`).toBe(bd);
  expect(am, nip).toBeGreaterThanOrEqual(1);
  expect(am, nip).toBeLessThanOrEqual(12);
  // Appointed as an adult, before the forums the examples date from.
  expect((ay ?? 0) - (by ?? 0), nip).toBeGreaterThanOrEqual(18);
  expect(ay, nip).toBeLessThanOrEqual(2017);
}

async function withExamples(
  run: (docs: { workspace: unknown; forums: ForumDocument[] }, dir: string) => Promise<void>,
) {
  await withTempDir(async (dir) => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    const notebook = new NotebookService(workspace);
    createExampleForums(notebook, new AgreementService(workspace, notebook.search));
    await workspace.close();
    // Read back what is on disk, through the schemas every open applies.
    const read = async (file: string) =>
      decodeVerified(await readFile(join(dir, file))).data as unknown;
    const raw = await read('workspace.json');
    const ids = workspaceDocumentSchema.parse(raw).forums.map((f) => f.id);
    const forums = await Promise.all(
      ids.map(async (id) => forumDocumentSchema.parse(await read(join('forums', `${id}.json`)))),
    );
    await run({ workspace: raw, forums }, dir);
  });
}

describe('the example forums', () => {
  it('pass the schemas on disk and carry complete report details', async () => {
    await withExamples(async ({ workspace, forums }) => {
      const doc = workspaceDocumentSchema.parse(workspace);
      const members = new Map(doc.profile.members.map((m) => [m.id, m]));
      expect(forums).toHaveLength(2);
      for (const forum of forums) {
        const report = forum.report;
        const label = forum.forum.name.en;
        expect(report.memberIds.length, label).toBeGreaterThanOrEqual(3);
        expect(report.memberIds.length, label).toBeLessThanOrEqual(5);
        for (const id of report.memberIds) {
          const member = members.get(id);
          expect(member, `${label}: member ${id} is in the profile`).toBeDefined();
          expect(member?.name.trim()).not.toBe('');
          expect(full(member?.position ?? { id: '', en: '' }), member?.name).toBe(true);
          expect(full(member?.role ?? { id: '', en: '' }), member?.name).toBe(true);
          if (member?.nip) {
            checkNip(member.nip);
            expect(member.rank, member.name).toMatch(/\((I|II|III|IV)\/[a-e]\)$/);
          }
        }
        expect(report.assignment.number, label).not.toBe('');
        expect(report.assignment.date, label).not.toBeNull();
        expect(full(report.assignment.issuedBy), label).toBe(true);
        expect(report.number, label).not.toBe('');
        expect(report.place, label).not.toBe('');
        expect(full(report.addressee), label).toBe(true);
        // Dated after the forum, in its own year: never the day the example was made.
        const end = forum.forum.endDate ?? '';
        expect((report.date ?? '') > end, label).toBe(true);
        expect(report.date?.slice(0, 4), label).toBe(end.slice(0, 4));
        expect((report.assignment.date ?? '') < (forum.forum.startDate ?? ''), label).toBe(true);
        for (const text of ['purpose', 'results', 'conclusions', 'recommendations'] as const) {
          expect(full(report[text]), `${label}: ${text}`).toBe(true);
        }
        expect(report.signatories.length, label).toBeGreaterThanOrEqual(1);
        for (const signatory of report.signatories) {
          expect(full(signatory.caption), label).toBe(true);
          if (signatory.memberId) expect(members.has(signatory.memberId), label).toBe(true);
          else {
            expect(signatory.name, label).not.toBe('');
            expect(full(signatory.position), label).toBe(true);
          }
        }
        expect(report.useLetterhead).toBe(true);
        // A note with three paragraphs and a list, in both languages.
        const rich = forum.notes.filter((n) =>
          (['id', 'en'] as const).every((side) => {
            const s = shape(n.body[side]);
            return s.paragraphs >= 3 && s.lists >= 1;
          }),
        );
        expect(rich.length, label).toBeGreaterThanOrEqual(1);
      }
      const [whrcf, workshop] = forums;
      // Every member of the regency delegation abroad is a civil servant with a NIP.
      for (const id of whrcf?.report.memberIds ?? []) expect(members.get(id)?.nip).not.toBe('');
      // Community representatives at the workshop have none.
      expect(workshop?.report.memberIds.some((id) => members.get(id)?.nip === '')).toBe(true);
      expect(whrcf?.report.addressee.id).toBe('Yth. Bupati Lampung Timur');
      // One commitment stays overdue, so the commitments view shows what overdue looks like.
      const today = new Date().toISOString().slice(0, 10);
      expect(
        whrcf?.commitments.some((c) => c.dueDate && c.dueDate < today && c.status !== 'done'),
      ).toBe(true);
    });
  });

  it('carry a letterhead with a small PNG logo that the upload rules accept', async () => {
    await withExamples(async ({ workspace }) => {
      const { letterhead } = workspaceDocumentSchema.parse(workspace).profile;
      expect(letterhead.lines[0]).toEqual({
        id: 'PEMERINTAH KABUPATEN LAMPUNG TIMUR',
        en: 'EAST LAMPUNG REGENCY GOVERNMENT',
      });
      expect(full(letterhead.address)).toBe(true);
      const logo = logoDataUrlSchema.parse(letterhead.logo);
      const png = PNG.sync.read(Buffer.from(logo.slice(logo.indexOf(',') + 1), 'base64'));
      expect(png.width).toBeGreaterThan(32);
      expect(png.height).toBeGreaterThan(32);
    });
  });

  it('add their members once, and never into a delegate’s own profile', async () => {
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      try {
        const notebook = new NotebookService(workspace);
        const agreement = new AgreementService(workspace, notebook.search);
        createExampleForums(notebook, agreement);
        const count = notebook.profile().members.length;
        createExampleForums(notebook, agreement);
        expect(notebook.profile().members).toHaveLength(count);
      } finally {
        await workspace.close();
      }
    });
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      try {
        const notebook = new NotebookService(workspace);
        notebook.updateProfile({
          delegationName: { id: 'Delegasi Kota Contoh', en: 'Example City Delegation' },
          headName: 'Ani',
        });
        notebook.createForum({ ...gwangjuForum, name: { id: 'Lain', en: 'Other' } });
        createExampleForums(notebook, new AgreementService(workspace, notebook.search));
        expect(notebook.profile().members).toEqual([]);
        expect(notebook.profile().letterhead.logo).toBeNull();
        const whrcf = notebook
          .listForums()
          .find((f) => f.name.en === 'World Human Rights Cities Forum 2017');
        const report = notebook.report(whrcf?.id ?? '');
        // No dangling references: the signatories keep their names as outside officials.
        expect(report.memberIds).toEqual([]);
        expect(report.signatories.map((s) => [s.memberId, s.name])).toEqual([
          [null, 'Drs. Hendra Wijaya Kusuma, M.Si.'],
          [null, 'Ir. Bambang Sutrisno, M.M.'],
        ]);
      } finally {
        await workspace.close();
      }
    });
  });
});
