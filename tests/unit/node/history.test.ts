import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteVersion } from '../../../electron/common/domain/forum-schema';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { detectLanguage } from '../../../electron/node/clauses/detect-language';
import {
  NOTE_HISTORY,
  NotebookService,
  pruneNoteHistory,
} from '../../../electron/node/notebook/notebook-service';
import { migrate } from '../../../electron/node/store/migrations';
import { Workspace } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

// Article 1 of the Universal Declaration of Human Rights, as the UN publishes it in both.
const udhrEn =
  'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.';
const udhrId =
  'Semua orang dilahirkan merdeka dan mempunyai martabat dan hak-hak yang sama. Mereka dikaruniai akal dan hati nurani dan hendaknya bergaul satu sama lain dalam semangat persaudaraan.';
// Clauses as a delegate pastes them: numbers, "Butir", hyphenated breaks.
const declarationEn = `1. Reaffirm the Gwangju Guiding Principles for a Human Rights City (2011);
2. Call on local governments to strengthen local and participatory democ-
racy and to protect human rights defenders;
3. Resolve to meet again in Gwangju in 2018.`;
const declarationId = `Butir 1 Menegaskan kembali Prinsip-Prinsip Panduan Gwangju untuk Kota HAM (2011);
Butir 2 Menyerukan kepada pemerintah daerah untuk memperkuat demokrasi lokal dan partisipatif serta melindungi pembela HAM;
Butir 3 Bertekad untuk bertemu kembali di Gwangju pada tahun 2018.`;

describe('detectLanguage', () => {
  it('tells Indonesian from English on declaration text', () => {
    expect(detectLanguage(udhrEn)).toBe('en');
    expect(detectLanguage(udhrId)).toBe('id');
    expect(detectLanguage(declarationEn)).toBe('en');
    expect(detectLanguage(declarationId)).toBe('id');
  });

  it('says nothing about text too short or without words', () => {
    expect(detectLanguage('1. Gwangju')).toBeNull();
    expect(detectLanguage('1.\n2.\n3. (a) (b) — 2017/2018')).toBeNull();
  });
});

async function withAgreement(
  run: (a: AgreementService, n: NotebookService, forumId: string, documentId: string) => void,
) {
  await withTempDir(async (dir) => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    try {
      const notebook = new NotebookService(workspace);
      const agreement = new AgreementService(workspace, notebook.search);
      const forumId = notebook.createForum(gwangjuForum).id;
      const documentId = agreement.createDocument(forumId, {
        title: { id: 'Deklarasi Gwangju', en: 'Gwangju Declaration' },
        kind: 'declaration',
        authoritativeLanguage: 'en',
        status: 'read',
      }).id;
      run(agreement, notebook, forumId, documentId);
    } finally {
      await workspace.close();
    }
  });
}

const split = (a: AgreementService, forumId: string, documentId: string, text: string) =>
  a.preview(forumId, documentId, text).clauses.map(({ number, text: t }) => ({ number, text: t }));

describe('paste guard', () => {
  it('refuses to replace texts unasked; replaced texts go to the history and come back', async () => {
    await withAgreement((agreement, _n, forumId, documentId) => {
      agreement.apply(
        forumId,
        documentId,
        'id',
        split(agreement, forumId, documentId, declarationId),
      );
      const before = agreement.agreement(forumId).clauses.map((c) => c.text.id);
      // English pasted under "Indonesian": detected, counted, and refused without consent.
      const preview = agreement.preview(forumId, documentId, declarationEn);
      expect(preview.detected).toBe('en');
      expect(preview.replaces.id.map((r) => r.number)).toEqual(['1', '2', '3']);
      expect(preview.replaces.en).toEqual([]);
      const items = split(agreement, forumId, documentId, declarationEn);
      expect(() => agreement.apply(forumId, documentId, 'id', items)).toThrow(
        expect.objectContaining({ code: 'paste-would-replace', params: { count: 3 } }),
      );
      expect(agreement.agreement(forumId).clauses.map((c) => c.text.id)).toEqual(before);

      const applied = agreement.apply(forumId, documentId, 'id', items, true);
      expect(applied).toMatchObject({ replaced: 3, updated: 3, created: 0 });
      const first = agreement.agreement(forumId).clauses[0];
      expect(first?.text.id).toMatch(/^Reaffirm/);
      const version = first?.versions.at(-1);
      expect(version).toMatchObject({ kind: 'paste', sides: ['id'], text: { id: before[0] } });

      // Restoring from history puts the Indonesian back and keeps the English paste as a version.
      const restored = agreement.restoreVersion(forumId, first?.id ?? '', version?.id ?? '', [
        'id',
      ]);
      expect(restored.text.id).toBe(before[0]);
      expect(restored.versions.at(-1)).toMatchObject({
        kind: 'restore',
        text: { id: expect.stringMatching(/^Reaffirm/) },
      });
    });
  });

  it('undoes a whole paste from the toast: texts back, added clauses to the trash', async () => {
    await withAgreement((agreement, _n, forumId, documentId) => {
      agreement.apply(forumId, documentId, 'en', [
        { number: '1', text: 'Reaffirm the principles.' },
        { number: '2', text: 'Protect defenders.' },
      ]);
      const { batch } = agreement.apply(
        forumId,
        documentId,
        'en',
        [
          { number: '1', text: 'Reaffirm the Gwangju principles.' },
          { number: '3', text: 'Meet again.' },
        ],
        true,
      );
      expect(agreement.agreement(forumId).clauses.map((c) => c.number)).toEqual(['1', '2', '3']);
      agreement.undoApply(forumId, batch);
      const clauses = agreement.agreement(forumId).clauses;
      expect(clauses.map((c) => [c.number, c.text.en])).toEqual([
        ['1', 'Reaffirm the principles.'],
        ['2', 'Protect defenders.'],
      ]);
      expect(() => agreement.undoApply(forumId, batch)).toThrow('undo-expired');
    });
  });
});

describe('note history', () => {
  afterEach(() => vi.useRealTimers());
  const start = new Date('2026-11-20T09:00:00Z');
  const advance = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

  it('keeps a version when editing resumes after a pause and every few minutes of steady typing', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    await withAgreement((_a, notebook, forumId) => {
      const note = notebook.createNote(forumId, { body: { id: 'Sesi pleno' } });
      const edit = (text: string) => notebook.updateNote(forumId, note.id, { body: { id: text } });
      advance(5_000);
      edit('Sesi pleno dibuka');
      expect(notebook.noteHistory(forumId, note.id)).toEqual([]);
      advance(NOTE_HISTORY.pauseMs + 1_000);
      edit('Sesi pleno dibuka oleh Wali Kota');
      expect(notebook.noteHistory(forumId, note.id)).toMatchObject([
        { side: 'id', kind: 'pause', text: 'Sesi pleno dibuka' },
      ]);
      // Typing every 10 s for 11 minutes: no pause, yet a version at least every 5 minutes.
      let text = 'Sesi pleno dibuka oleh Wali Kota';
      for (let i = 0; i < 66; i++) {
        advance(10_000);
        text += ` ${i}`;
        edit(text);
      }
      const kinds = notebook.noteHistory(forumId, note.id).map((v) => v.kind);
      expect(kinds).toEqual(['interval', 'interval', 'pause']);
    });
  });

  it('keeps the text before a large cut, and a restore is itself undoable', async () => {
    await withAgreement((_a, notebook, forumId) => {
      const long = 'Delegasi menyampaikan pandangan tentang kota ramah HAM. '.repeat(10);
      const note = notebook.createNote(forumId, { body: { en: 'Plenary', id: long } });
      notebook.updateNote(forumId, note.id, { body: { id: 'Delegasi' } });
      const [cut] = notebook.noteHistory(forumId, note.id);
      expect(cut).toMatchObject({ kind: 'cut', side: 'id', text: long });

      const { note: restored, kept } = notebook.restoreNoteVersion(forumId, note.id, cut?.id ?? '');
      expect(restored.body).toEqual({ id: long, en: 'Plenary' });
      const history = notebook.noteHistory(forumId, note.id);
      expect(history[0]).toMatchObject({ id: kept, kind: 'restore', text: 'Delegasi' });
      // Undo = restore what the restore replaced.
      const undone = notebook.restoreNoteVersion(forumId, note.id, kept ?? '');
      expect(undone.note.body.id).toBe('Delegasi');
    });
  });

  it('prunes like the backups: all of the last day, then one a day, within a size cap', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const version = (hoursAgo: number, text = 'x'): NoteVersion => ({
      id: `v${hoursAgo}`,
      noteId: 'n1',
      side: 'id',
      text,
      recordedAt: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(),
      author: '',
      kind: 'pause',
    });
    // Every 2 hours for 40 days.
    const history = Array.from({ length: 480 }, (_, i) => version(i * 2));
    const other = { ...version(1), id: 'other', noteId: 'n2' };
    const kept = pruneNoteHistory([...history, other], 'n1', 'id', now);
    const ages = kept.filter((v) => v.noteId === 'n1').map((v) => Number(v.id.slice(1)));
    expect(ages.filter((h) => h < 24)).toHaveLength(12);
    const older = ages.filter((h) => h >= 24);
    const days = new Set(older.map((h) => new Date(now.getTime() - h * 3_600_000).toDateString()));
    expect(days.size).toBe(older.length);
    expect(Math.max(...older)).toBeLessThanOrEqual(30 * 24);
    expect(older.length).toBeGreaterThanOrEqual(29);
    expect(kept).toContain(other);

    const big = 'y'.repeat(NOTE_HISTORY.maxChars / 2);
    const capped = pruneNoteHistory(
      [version(3, big), version(2, big), version(1, big)],
      'n1',
      'id',
      now,
    );
    expect(capped.map((v) => v.id)).toEqual(['v2', 'v1']);
  });

  it('forum migration 3 gives older forums an empty history', () => {
    const { doc, to } = migrate('forum', { schemaVersion: 2, notes: [] });
    expect(doc.noteHistory).toEqual([]);
    expect(to).toBeGreaterThanOrEqual(3);
  });
});
