import { describe, expect, it } from 'vitest';
import type { NotePatch } from '../../../electron/common/domain/notebook-schema';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { ContactsService } from '../../../electron/node/contacts/contacts-service';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { TrashService } from '../../../electron/node/notebook/trash-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

/** Empty notes go when left; a note with anything in it never does. */
describe('discarding a note left empty', () => {
  const world = (run: (n: NotebookService, t: TrashService, forumId: string) => void) =>
    withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      try {
        const notebook = new NotebookService(workspace);
        const agreement = new AgreementService(workspace, notebook.search);
        const contacts = new ContactsService(workspace, notebook.search);
        const trash = new TrashService(workspace, notebook, agreement, contacts);
        run(notebook, trash, notebook.createForum(gwangjuForum).id);
      } finally {
        await workspace.close();
      }
    });

  it('removes a note never written in, and leaves nothing in the Trash', () =>
    world((notebook, trash, forumId) => {
      const note = notebook.createNote(forumId, { sessionId: null });
      expect(notebook.discardEmptyNote(forumId, note.id)).toBe('removed');
      expect(notebook.listNotes(forumId)).toEqual([]);
      expect(trash.list()).toEqual([]);
    }));

  it('keeps a note with text on either side, a tag or a pin, however little', () =>
    world((notebook, _trash, forumId) => {
      const cases: NotePatch[] = [
        { body: { id: 'x' } },
        { body: { en: '.' } },
        { tags: ['pleno'] },
        { pinned: true },
      ];
      for (const patch of cases) {
        const note = notebook.createNote(forumId, { sessionId: null });
        notebook.updateNote(forumId, note.id, patch);
        expect(notebook.discardEmptyNote(forumId, note.id)).toBe('kept');
        expect(notebook.note(forumId, note.id).deletedAt).toBeNull();
      }
      expect(notebook.listNotes(forumId)).toHaveLength(cases.length);
    }));

  it('puts a note whose text was all cut into the Trash, where it is restored with its history', () =>
    world((notebook, trash, forumId) => {
      const note = notebook.createNote(forumId, { sessionId: null });
      notebook.updateNote(forumId, note.id, { body: { id: 'Teks yang kemudian dihapus.' } });
      notebook.updateNote(forumId, note.id, { body: { id: '   ' } });
      expect(notebook.discardEmptyNote(forumId, note.id)).toBe('trashed');
      expect(notebook.listNotes(forumId)).toEqual([]);
      expect(trash.list()).toEqual([expect.objectContaining({ kind: 'note', id: note.id })]);
      trash.restore({ kind: 'note', forumId, id: note.id });
      expect(notebook.listNotes(forumId).map((n) => n.id)).toEqual([note.id]);
    }));

  it('does nothing to a note already in the Trash or unknown', () =>
    world((notebook, _trash, forumId) => {
      const note = notebook.createNote(forumId, { sessionId: null });
      notebook.setNoteDeleted(forumId, note.id, true);
      expect(notebook.discardEmptyNote(forumId, note.id)).toBe('kept');
      expect(notebook.discardEmptyNote(forumId, 'no-such-note')).toBe('kept');
    }));
});
