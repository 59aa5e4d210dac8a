import { describe, expect, it } from 'vitest';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { createExampleForums } from '../../../electron/node/notebook/example-forums';
import { Workspace } from '../../../electron/node/store/workspace';
import { withTempDir } from '../../support/temp-dir';
import { lampungWorkshop } from '../../support/forums';

async function withNotebook(run: (n: NotebookService, w: Workspace, dir: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    try {
      await run(new NotebookService(workspace), workspace, dir);
    } finally {
      await workspace.close();
    }
  });
}

const forumInput = lampungWorkshop;

describe('NotebookService', () => {
  it('writes one side first, the other later, and tracks the translation state', async () => {
    await withNotebook(async (notebook) => {
      const forum = notebook.createForum(forumInput);
      const note = notebook.createNote(forum.id, { body: { id: 'Demokrasi lokal' } });
      expect(note.translation).toBe('missing-en');
      const translated = notebook.updateNote(forum.id, note.id, {
        body: { en: 'Local democracy' },
      });
      expect(translated.translation).toBe('complete');
      expect(notebook.listNotes(forum.id)[0]?.preview).toEqual({
        id: 'Demokrasi lokal',
        en: 'Local democracy',
      });
    });
  });

  it('marks the other side outdated when one side changes much later, until confirmed', async () => {
    await withNotebook(async (notebook, workspace) => {
      const forum = notebook.createForum(forumInput);
      const note = notebook.createNote(forum.id, { body: { id: 'Satu', en: 'One' } });
      workspace.updateForum(forum.id, (doc) => {
        const stored = doc.notes.find((n) => n.id === note.id);
        if (stored) stored.bodyUpdatedAt.en = '2020-01-01T00:00:00.000Z';
      });
      expect(
        notebook.updateNote(forum.id, note.id, { body: { id: 'Satu, dua' } }).translation,
      ).toBe('outdated-en');
      expect(notebook.updateNote(forum.id, note.id, { markTranslated: true }).translation).toBe(
        'complete',
      );
    });
  });

  it('keeps search in step with every edit and delete', async () => {
    await withNotebook(async (notebook) => {
      const forum = notebook.createForum(forumInput);
      const note = notebook.createNote(forum.id, {
        body: { id: 'Pemerintah berkomitmen memperkuat partisipasi' },
      });
      expect(notebook.query('komitmen').total).toBe(1);
      notebook.updateNote(forum.id, note.id, { body: { id: 'Anggaran responsif gender' } });
      expect(notebook.query('komitmen').total).toBe(0);
      notebook.setNoteDeleted(forum.id, note.id, true);
      expect(notebook.query('anggaran').total).toBe(0);
      notebook.setNoteDeleted(forum.id, note.id, false);
      expect(notebook.query('anggaran').total).toBe(1);
      notebook.setForumDeleted(forum.id, true);
      expect(notebook.query('anggaran').total).toBe(0);
      expect(notebook.listForums()[0]?.deletedAt).not.toBeNull();
      notebook.setForumDeleted(forum.id, false);
      expect(notebook.query('anggaran').total).toBe(1);
    });
  });

  it('refuses a note in a session of another forum, and an unknown time zone', async () => {
    await withNotebook(async (notebook) => {
      const a = notebook.createForum(forumInput);
      const b = notebook.createForum(forumInput);
      const session = notebook.createSession(b.id, {
        title: { id: 'Penutupan', en: 'Closing' },
        kind: 'closing-ceremony',
        start: null,
        end: null,
      });
      expect(() => notebook.createNote(a.id, { sessionId: session.id })).toThrow(
        expect.objectContaining({ code: 'not-found' }),
      );
      expect(() => notebook.createForum({ ...forumInput, timeZone: 'Mars/Olympus' })).toThrow();
    });
  });

  it('places new sessions by time, and lets the delegate reorder them', async () => {
    await withNotebook(async (notebook) => {
      const forum = notebook.createForum(forumInput);
      const make = (en: string, start: string | null) =>
        notebook.createSession(forum.id, {
          title: { id: en, en },
          kind: 'workshop',
          start,
          end: null,
        });
      const late = make('Late', '2025-08-27T15:00');
      const early = make('Early', '2025-08-27T09:00');
      const parallelA = make('Parallel A', '2025-08-27T11:00');
      const parallelB = make('Parallel B', '2025-08-27T11:00');
      expect(notebook.forum(forum.id).sessions.map((s) => s.title.en)).toEqual([
        'Early',
        'Parallel A',
        'Parallel B',
        'Late',
      ]);
      notebook.reorderSessions(forum.id, [early.id, parallelB.id, parallelA.id, late.id]);
      expect(notebook.forum(forum.id).sessions.map((s) => s.title.en)).toEqual([
        'Early',
        'Parallel B',
        'Parallel A',
        'Late',
      ]);
      notebook.updateSession(forum.id, late.id, { start: '2025-08-27T08:00' });
      expect(notebook.forum(forum.id).sessions.map((s) => s.title.en)).toEqual([
        'Late',
        'Early',
        'Parallel B',
        'Parallel A',
      ]);
      notebook.setSessionDeleted(forum.id, late.id, true);
      expect(notebook.forum(forum.id).sessions).toHaveLength(3);
    });
  });

  it('creates the example forums once, with the delegation profile, and they survive a reopen', async () => {
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      const notebook = new NotebookService(workspace);
      const agreement = new AgreementService(workspace, notebook.search);
      expect(createExampleForums(notebook, agreement)).toHaveLength(2);
      expect(createExampleForums(notebook, agreement)).toHaveLength(0);
      await workspace.close();
      const reopened = await Workspace.open(dir, { holder: 'test' });
      const again = new NotebookService(reopened);
      await again.ready;
      const forums = again.listForums();
      expect(forums.map((f) => f.acronym)).toContain('WHRCF 2017');
      const whrcf = forums.find((f) => f.acronym === 'WHRCF 2017');
      const detail = again.forum(whrcf?.id ?? '');
      expect(detail.forum.theme.en).toBe(
        'Do We Live in Peace? Human Rights Cities, Democracy and Practice',
      );
      expect(detail.sessions.at(-1)?.kind).toBe('closing-ceremony');
      expect(again.profile().headName).toBe('Chusnunia');
      expect(again.query('hormat').total).toBeGreaterThan(0);
      const declaration = new AgreementService(reopened, again.search);
      const whrcfAgreement = declaration.agreement(whrcf?.id ?? '');
      expect(whrcfAgreement.clauses.map((c) => c.number)).toEqual([
        '1',
        '2',
        '2.a',
        '2.b',
        '3',
        '4',
        '5',
      ]);
      expect(whrcfAgreement.clauses.every((c) => c.text.id && c.text.en)).toBe(true);
      expect(declaration.commitments(whrcf?.id ?? '').map((c) => c.clauseNumbers)).toEqual([
        ['2', '2.a'],
        ['5'],
      ]);
      const lampung = forums.find((f) => f.city === 'Bandar Lampung');
      expect(again.forum(lampung?.id ?? '').sessions[0]?.title.id).toContain('Basnamara');
      await reopened.close();
    });
  });
});
