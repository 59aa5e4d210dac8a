import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { ContactsService } from '../../../electron/node/contacts/contacts-service';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { TrashService } from '../../../electron/node/notebook/trash-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

interface World {
  dir: string;
  workspace: Workspace;
  notebook: NotebookService;
  agreement: AgreementService;
  contacts: ContactsService;
  trash: TrashService;
  forumId: string;
  documentId: string;
  clauseIds: Record<string, string>;
  commitmentId: string;
}

/** A forum with a declaration of three clauses, a commitment answering two, and its owner. */
async function withWorld(run: (w: World) => Promise<void> | void) {
  await withTempDir(async (dir) => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    try {
      const notebook = new NotebookService(workspace);
      const agreement = new AgreementService(workspace, notebook.search);
      const contacts = new ContactsService(workspace, notebook.search);
      const trash = new TrashService(workspace, notebook, agreement, contacts);
      const forumId = notebook.createForum(gwangjuForum).id;
      const documentId = agreement.createDocument(forumId, {
        title: { id: 'Deklarasi Gwangju', en: 'Gwangju Declaration' },
        kind: 'declaration',
        authoritativeLanguage: 'en',
        status: 'read',
      }).id;
      agreement.apply(forumId, documentId, 'en', [
        { number: '1', text: 'Reaffirm the Gwangju Guiding Principles.' },
        { number: '2', text: 'Strengthen participatory democracy.' },
        { number: '3', text: 'Protect human rights defenders.' },
      ]);
      const clauseIds = Object.fromEntries(
        agreement.agreement(forumId).clauses.map((c) => [c.number, c.id]),
      );
      const owner = contacts.create({
        name: 'Siti Rahma',
        position: { id: '', en: '' },
        organisation: { id: 'Bappeda', en: '' },
      });
      const commitmentId = agreement.createCommitment(forumId, {
        statement: { id: 'Membentuk gugus tugas HAM.', en: 'Set up a human-rights task force.' },
        clauseIds: [clauseIds['2'] as string, clauseIds['3'] as string],
        responsible: { unit: 'Bappeda', contactId: owner.id },
        dueDate: null,
        status: 'planned',
      }).id;
      await run({
        dir,
        workspace,
        notebook,
        agreement,
        contacts,
        trash,
        forumId,
        documentId,
        clauseIds,
        commitmentId,
      });
    } finally {
      await workspace.close();
    }
  });
}

const numbersOf = (w: World) =>
  w.agreement.commitments(w.forumId).find((c) => c.id === w.commitmentId)?.clauseNumbers;
const inTrash = (w: World) => w.trash.list().map((e) => `${e.kind}:${e.id}`);

describe('TrashService', () => {
  it('lists a deleted clause and restores it, answered by its commitment again', async () => {
    await withWorld((w) => {
      const id = w.clauseIds['2'] as string;
      w.agreement.setClauseDeleted(w.forumId, id, true);
      expect(numbersOf(w)).toEqual(['3']);
      const [entry] = w.trash.list();
      expect(entry).toMatchObject({ kind: 'clause', id, forumId: w.forumId });
      expect(entry?.title.en).toBe('2 · Strengthen participatory democracy.');
      expect(entry?.forumName?.en).toBe('World Human Rights Cities Forum 2017');
      w.trash.restore({ kind: 'clause', forumId: w.forumId, id });
      expect(numbersOf(w)).toEqual(['2', '3']);
      expect(w.trash.list()).toEqual([]);
    });
  });

  it('restores a clause document with its clauses, which its commitments answer again', async () => {
    await withWorld((w) => {
      w.agreement.setDocumentDeleted(w.forumId, w.documentId, true);
      expect(w.agreement.agreement(w.forumId).clauses).toEqual([]);
      expect(numbersOf(w)).toEqual([]);
      // The clauses come back with their document: they are not listed one by one.
      expect(inTrash(w)).toEqual([`clauseDocument:${w.documentId}`]);
      w.trash.restore({ kind: 'clauseDocument', forumId: w.forumId, id: w.documentId });
      expect(w.agreement.agreement(w.forumId).clauses.map((c) => c.number)).toEqual([
        '1',
        '2',
        '3',
      ]);
      expect(numbersOf(w)).toEqual(['2', '3']);
    });
  });

  it('keeps a cleared position reason in the trash and puts it back', async () => {
    await withWorld((w) => {
      const id = w.clauseIds['1'] as string;
      const reason = { id: 'Sejalan dengan RPJMD.', en: 'In line with the regional plan.' };
      w.agreement.setPosition(w.forumId, id, { stance: 'supports', reason });
      w.agreement.setPosition(w.forumId, id, { stance: 'supports', reason: { id: '', en: '' } });
      const entry = w.trash.list()[0];
      expect(entry).toMatchObject({ kind: 'reason', id });
      expect(entry?.title.id).toBe('1 · Sejalan dengan RPJMD.');
      w.trash.restore({ kind: 'reason', forumId: w.forumId, id });
      const clause = w.agreement.agreement(w.forumId).clauses.find((c) => c.id === id);
      expect(clause?.position).toMatchObject({ stance: 'supports', reason });
      expect(w.trash.list()).toEqual([]);
      // Dropping the stance clears the reason too: it goes to the trash, not away.
      w.agreement.setPosition(w.forumId, id, { stance: null, reason });
      expect(inTrash(w)).toEqual([`reason:${id}`]);
    });
  });

  it('lists and restores every other kind: forum, session, note, commitment, contact', async () => {
    await withWorld((w) => {
      const session = w.notebook.createSession(w.forumId, {
        title: { id: 'Pleno', en: 'Plenary' },
        kind: 'plenary',
        start: '2017-09-15T09:00',
        end: null,
      });
      const note = w.notebook.createNote(w.forumId, {
        sessionId: session.id,
        body: { id: 'Catatan pleno', en: '' },
      });
      const contactId = w.contacts.list()[0]?.id as string;
      w.notebook.setSessionDeleted(w.forumId, session.id, true);
      w.notebook.setNoteDeleted(w.forumId, note.id, true);
      w.agreement.setCommitmentDeleted(w.forumId, w.commitmentId, true);
      w.contacts.setDeleted(contactId, true);
      expect(new Set(inTrash(w))).toEqual(
        new Set([
          `session:${session.id}`,
          `note:${note.id}`,
          `commitment:${w.commitmentId}`,
          `contact:${contactId}`,
        ]),
      );
      expect(w.trash.list().find((e) => e.kind === 'contact')).toMatchObject({
        forumId: null,
        forumName: null,
        title: { id: 'Siti Rahma', en: 'Siti Rahma' },
      });
      for (const entry of w.trash.list()) w.trash.restore(entry);
      expect(w.trash.list()).toEqual([]);
      // Restored with their links: the note in its session, the commitment with its clauses and owner.
      expect(w.notebook.note(w.forumId, note.id).sessionId).toBe(session.id);
      const commitment = w.agreement.commitments(w.forumId)[0];
      expect(commitment?.clauseNumbers).toEqual(['2', '3']);
      expect(commitment?.responsible.contactId).toBe(contactId);
      expect(w.contacts.list().map((c) => c.id)).toEqual([contactId]);

      w.notebook.setForumDeleted(w.forumId, true);
      expect(inTrash(w)).toEqual([`forum:${w.forumId}`]);
      w.trash.restore({ kind: 'forum', forumId: w.forumId, id: w.forumId });
      expect(w.notebook.listForums()[0]?.deletedAt).toBeNull();
    });
  });

  it('undoes a merge: both cards back, fields and commitments as they were', async () => {
    await withWorld((w) => {
      const keep = w.contacts.list()[0]?.id as string;
      const other = w.contacts.create({
        name: 'Siti Rahma, S.H.',
        position: { id: 'Kepala Bidang', en: 'Head of Division' },
        organisation: { id: 'Bappeda Lampung Timur', en: '' },
        emails: [{ value: 'siti@example.org', type: 'work' }],
      });
      w.agreement.updateCommitment(w.forumId, w.commitmentId, {
        responsible: { unit: 'Bappeda', contactId: other.id },
      });
      w.contacts.merge(keep, other.id, { position: 'other' });
      expect(w.contacts.get(keep).emails.map((e) => e.value)).toEqual(['siti@example.org']);
      expect(w.agreement.commitments(w.forumId)[0]?.responsible.contactId).toBe(keep);
      const [entry] = w.trash.list();
      expect(entry).toMatchObject({ kind: 'merge', id: other.id });
      expect(entry?.title.en).toBe('Siti Rahma, S.H. → Siti Rahma');

      w.trash.restore({ kind: 'merge', forumId: null, id: other.id });
      expect(w.contacts.list().map((c) => c.name)).toEqual(['Siti Rahma', 'Siti Rahma, S.H.']);
      const kept = w.contacts.get(keep);
      expect(kept.emails).toEqual([]);
      expect(kept.position).toEqual({ id: '', en: '' });
      expect(w.contacts.get(other.id).mergedInto).toBeNull();
      expect(w.agreement.commitments(w.forumId)[0]?.responsible.contactId).toBe(other.id);
      expect(w.trash.list()).toEqual([]);
    });
  });

  it('an undone merge leaves a field edited since the merge as the delegate left it', async () => {
    await withWorld((w) => {
      const keep = w.contacts.list()[0]?.id as string;
      const other = w.contacts.create({
        name: 'S. Rahma',
        position: { id: 'Kepala Bidang', en: '' },
        organisation: { id: '', en: '' },
      });
      w.contacts.merge(keep, other.id, { position: 'other' });
      w.contacts.update(keep, { position: { id: 'Sekretaris', en: 'Secretary' } });
      w.contacts.unmerge(other.id);
      expect(w.contacts.get(keep).position).toEqual({ id: 'Sekretaris', en: 'Secretary' });
    });
  });

  it('deletes for good only from the trash, and lets go of what referred to it', async () => {
    await withWorld(async (w) => {
      const two = w.clauseIds['2'] as string;
      await expect(w.trash.purge({ kind: 'clause', forumId: w.forumId, id: two })).rejects.toThrow(
        'not-found',
      );
      w.agreement.setClauseDeleted(w.forumId, two, true);
      await w.trash.purge({ kind: 'clause', forumId: w.forumId, id: two });
      expect(w.workspace.forum(w.forumId).clauses.some((c) => c.id === two)).toBe(false);
      expect(w.workspace.forum(w.forumId).commitments[0]?.clauseIds).toEqual([w.clauseIds['3']]);

      const contactId = w.contacts.list()[0]?.id as string;
      w.contacts.setDeleted(contactId, true);
      await w.trash.purge({ kind: 'contact', forumId: null, id: contactId });
      expect(w.workspace.data.contacts).toEqual([]);
      expect(w.workspace.forum(w.forumId).commitments[0]?.responsible.contactId).toBeNull();

      w.agreement.setDocumentDeleted(w.forumId, w.documentId, true);
      await w.trash.purge({ kind: 'clauseDocument', forumId: w.forumId, id: w.documentId });
      expect(w.workspace.forum(w.forumId).clauses).toEqual([]);
      expect(w.workspace.forum(w.forumId).commitments[0]?.clauseIds).toEqual([]);

      const file = join(w.dir, 'forums', `${w.forumId}.json`);
      await w.workspace.flush();
      expect(existsSync(file)).toBe(true);
      w.notebook.setForumDeleted(w.forumId, true);
      await w.trash.purge({ kind: 'forum', forumId: w.forumId, id: w.forumId });
      expect(existsSync(file)).toBe(false);
      expect(w.notebook.listForums()).toEqual([]);
      expect(w.trash.list()).toEqual([]);
    });
  });

  it('a purged note takes its history with it', async () => {
    await withWorld(async (w) => {
      const note = w.notebook.createNote(w.forumId, { body: { id: 'Draf pertama.' } });
      w.notebook.updateNote(w.forumId, note.id, { body: { id: '' } });
      // A cut of a short text keeps nothing; a restore of a version does: make one by pausing.
      const doc = () => w.workspace.forum(w.forumId);
      w.notebook.updateNote(w.forumId, note.id, { body: { id: 'x'.repeat(400) } });
      w.notebook.updateNote(w.forumId, note.id, { body: { id: 'y' } });
      expect(doc().noteHistory.map((v) => v.kind)).toEqual(['cut']);
      w.notebook.setNoteDeleted(w.forumId, note.id, true);
      await w.trash.purge({ kind: 'note', forumId: w.forumId, id: note.id });
      expect(doc().noteHistory).toEqual([]);
    });
  });
});
