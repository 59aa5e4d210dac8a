import { describe, expect, it } from 'vitest';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

const english = [
  '1. Reaffirm the Gwangju Guiding Principles.',
  '2. Call on local governments to:',
  'a) strengthen participatory democracy;',
  'b) protect human rights defenders.',
  '3. Meet again in 2018.',
].join('\n');
const indonesian = [
  'Butir 1 Menegaskan kembali Prinsip-Prinsip Panduan Gwangju.',
  'Butir 2 Menyerukan kepada pemerintah daerah untuk:',
  '(a) memperkuat demokrasi partisipatif;',
  '(b) melindungi pembela HAM.',
].join('\n');

async function withAgreement(
  run: (
    a: AgreementService,
    n: NotebookService,
    forumId: string,
    documentId: string,
  ) => Promise<void>,
) {
  await withTempDir(async (dir) => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    try {
      const notebook = new NotebookService(workspace);
      const agreement = new AgreementService(workspace, notebook.search);
      const forumId = notebook.createForum(gwangjuForum).id;
      const documentId = agreement.createDocument(forumId, {
        title: { id: 'Deklarasi Gwangju 2017', en: 'Gwangju Declaration 2017' },
        kind: 'declaration',
        authoritativeLanguage: 'en',
        status: 'read',
      }).id;
      await run(agreement, notebook, forumId, documentId);
    } finally {
      await workspace.close();
    }
  });
}

const items = (
  text: string,
  preview: (t: string) => { clauses: { number: string; text: string }[] },
) => preview(text).clauses.map(({ number, text: t }) => ({ number, text: t }));

describe('AgreementService', () => {
  it('creates clauses from a paste, then aligns the other language by number', async () => {
    await withAgreement(async (agreement, notebook, forumId, documentId) => {
      const preview = (t: string) => agreement.preview(forumId, documentId, t);
      expect(preview(english).alignment).toBeNull();
      expect(agreement.apply(forumId, documentId, 'en', items(english, preview))).toMatchObject({
        created: 5,
        updated: 0,
        replaced: 0,
        unmatchedClauses: [],
      });
      const second = preview(indonesian);
      expect(second.alignment).toEqual({
        matched: ['1', '2', '2.a', '2.b'],
        unmatchedInPaste: [],
        unmatchedClauses: ['3'],
      });
      expect(second.detected).toBe('id');
      // Filling the empty side replaces nothing; on the English side it would replace four.
      expect(second.replaces.id).toEqual([]);
      expect(second.replaces.en.map((r) => r.number)).toEqual(['1', '2', '2.a', '2.b']);
      expect(agreement.apply(forumId, documentId, 'id', items(indonesian, preview))).toMatchObject({
        created: 0,
        updated: 4,
        replaced: 0,
        unmatchedClauses: ['3'],
      });
      const { clauses } = agreement.agreement(forumId);
      const twoA = clauses.find((c) => c.number === '2.a');
      expect(twoA?.text).toEqual({
        id: 'memperkuat demokrasi partisipatif;',
        en: 'strengthen participatory democracy;',
      });
      expect(twoA?.parentId).toBe(clauses.find((c) => c.number === '2')?.id);
      expect(notebook.query('pembela').groups.map((g) => g.kind)).toEqual(['clause']);
    });
  });

  it('reorders and renumbers without losing the clauses a commitment answers', async () => {
    await withAgreement(async (agreement, _n, forumId, documentId) => {
      agreement.apply(
        forumId,
        documentId,
        'en',
        items(english, (t) => agreement.preview(forumId, documentId, t)),
      );
      const byNumber = (n: string) =>
        agreement.agreement(forumId).clauses.find((c) => c.number === n);
      const democracy = byNumber('2.a');
      const defenders = byNumber('2.b');
      const commitment = agreement.createCommitment(forumId, {
        statement: { id: 'Membentuk forum warga', en: 'Set up a residents’ forum' },
        clauseIds: [democracy?.id ?? '', defenders?.id ?? ''],
        responsible: { unit: 'Bagian Hukum' },
        dueDate: '2018-06-30',
        status: 'planned',
      });
      agreement.moveClause(forumId, defenders?.id ?? '', -1);
      agreement.moveClause(forumId, byNumber('3')?.id ?? '', -1);
      agreement.renumber(forumId, documentId);
      const numbers = agreement
        .agreement(forumId)
        .clauses.map((c) => `${c.number} ${c.text.en.split(' ')[0]}`);
      expect(numbers).toEqual(['1 Reaffirm', '2 Meet', '3 Call', '3.a protect', '3.b strengthen']);
      const view = agreement.commitments(forumId, '2018-06-01')[0];
      expect(view?.id).toBe(commitment.id);
      expect(view?.clauseNumbers).toEqual(['3.a', '3.b']);
    });
  });

  it('tells overdue and due-soon commitments, across forums', async () => {
    await withAgreement(async (agreement, notebook, forumId) => {
      const other = notebook.createForum({ ...gwangjuForum, name: { id: 'Lain', en: 'Other' } }).id;
      const make = (forum: string, dueDate: string | null, status: 'planned' | 'done') =>
        agreement.createCommitment(forum, {
          statement: { id: dueDate ?? 'none', en: dueDate ?? 'none' },
          clauseIds: [],
          responsible: { unit: 'Bappeda' },
          dueDate,
          status,
        });
      make(forumId, '2018-01-31', 'planned');
      make(forumId, '2018-01-31', 'done');
      make(other, '2018-02-20', 'planned');
      make(other, null, 'planned');
      const all = agreement.commitments(null, '2018-02-01');
      expect(all.map((c) => [c.statement.en, c.overdue, c.dueSoon])).toEqual([
        ['2018-01-31', true, false],
        ['2018-01-31', false, false],
        ['2018-02-20', false, true],
        ['none', false, false],
      ]);
      expect(new Set(all.map((c) => c.forumName.en))).toEqual(
        new Set(['World Human Rights Cities Forum 2017', 'Other']),
      );
    });
  });

  it('keeps the draft wording as a version when the adopted text differs', async () => {
    await withAgreement(async (agreement, _n, forumId, documentId) => {
      agreement.apply(forumId, documentId, 'en', [
        { number: '1', text: 'Cities should respect human rights.' },
      ]);
      const clause = agreement.agreement(forumId).clauses[0];
      agreement.recordVersion(forumId, clause?.id ?? '', 'draft');
      const adopted = agreement.updateClause(forumId, clause?.id ?? '', {
        text: { en: 'Cities shall respect and protect human rights.' },
      });
      // One history: the draft kept on purpose, then the text the edit replaced.
      expect(adopted.versions).toMatchObject([
        { label: 'draft', kind: 'draft', text: { en: 'Cities should respect human rights.' } },
        { kind: 'edit', sides: ['en'], text: { en: 'Cities should respect human rights.' } },
      ]);
      expect(adopted.text.en).toBe('Cities shall respect and protect human rights.');
    });
  });

  it('refuses a commitment to a clause that does not exist, changing nothing', async () => {
    await withAgreement(async (agreement, _n, forumId) => {
      expect(() =>
        agreement.createCommitment(forumId, {
          statement: { id: 'x', en: 'x' },
          clauseIds: ['no-such-clause'],
          responsible: { unit: '' },
          dueDate: null,
          status: 'planned',
        }),
      ).toThrow(expect.objectContaining({ code: 'not-found' }));
      expect(agreement.commitments(forumId)).toEqual([]);
    });
  });
});
