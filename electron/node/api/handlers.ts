import type { BackupEntry, BackupView } from '../../common/api/types';
import type { ApiParsedInput } from '../../common/api/contract';
import { commitmentPatchSchema, positionSchema } from '../../common/domain/agreement-schema';
import type {
  CommitmentView,
  FieldConflict,
  ForumDetail,
} from '../../common/domain/notebook-views';
import { AppError } from '../../common/errors';
import type { AgreementService } from '../clauses/agreement-service';
import type { ContactsService } from '../contacts/contacts-service';
import type { NotebookService } from '../notebook/notebook-service';
import { TrashService } from '../notebook/trash-service';
import { createExampleForums } from '../notebook/example-forums';
import { exportForum, previewForum } from '../export/exporter';
import { draftReportTexts } from '../export/report-drafts';
import { reportHistoryOf, restoreReportVersion } from '../notebook/report-history';
import type { Workspace } from '../store/workspace';
import { LazyLan } from '../sync/lan/lazy-lan';
import { receiveForumFile, sendForumFile } from '../sync/share-api';
import type { WorkspaceHandlers } from './dispatch';
import type { EventBus } from './event-bus';

export interface HandlerContext {
  workspace: Workspace;
  notebook: NotebookService;
  agreement: AgreementService;
  contacts: ContactsService;
  events: EventBus;
  /** Host this delegation / Join, loaded on first use (the runtime's, stopped at close). */
  lan?: LazyLan;
}

/**
 * The API of an open workspace, in plain Node: both transports call these through
 * `dispatch`, by way of the runtime, which answers for itself while the workspace is locked.
 */
export function createHandlers(ctx: HandlerContext): WorkspaceHandlers {
  const trash = new TrashService(ctx.workspace, ctx.notebook, ctx.agreement, ctx.contacts);
  const lan =
    ctx.lan ?? new LazyLan(ctx.workspace, { name: () => ctx.workspace.data.profile.headName });
  return {
    'settings.get': async () => ctx.workspace.settings,
    'settings.update': async (patch) => {
      const members = ctx.workspace.data.profile.members;
      if (patch.meMemberId && !members.some((m) => m.id === patch.meMemberId))
        throw new AppError('not-found', { id: patch.meMemberId });
      const settings = ctx.workspace.updateSettings(patch);
      ctx.events.emit('settings-changed', settings);
      return settings;
    },
    'workspace.notices': async () => ctx.workspace.notices,
    'backups.list': async () => (await ctx.workspace.listBackups()).map((b) => backupView(ctx, b)),
    'backups.restore': async ({ id }) => {
      const entry = await ctx.workspace.restoreBackup(id);
      ctx.events.emit('settings-changed', ctx.workspace.settings);
      ctx.events.emit('workspace-changed', {});
      return backupView(ctx, entry);
    },
    'profile.get': async () => ctx.notebook.profile(),
    'profile.update': async (patch) => ctx.notebook.updateProfile(patch),
    'members.save': async ({ member }) => ctx.notebook.saveMember(member),
    'members.remove': async ({ id, detach }) => ctx.notebook.removeMember(id, detach),
    'members.move': async ({ id, direction }) => ctx.notebook.moveMember(id, direction),
    'letterhead.update': async ({ letterhead }) => ctx.notebook.updateLetterhead(letterhead),
    'report.get': async ({ forumId }) => ctx.notebook.report(forumId),
    'report.update': async ({ forumId, patch, base }) =>
      ctx.notebook.updateReport(forumId, patch, base),
    'report.draft': async ({ forumId }) =>
      draftReportTexts(structuredClone(ctx.workspace.forum(forumId)), ctx.notebook.profile()),
    'report.history': async ({ forumId }) => reportHistoryOf(ctx.workspace.forum(forumId)),
    'report.restoreVersion': async ({ forumId, versionId }) => {
      const by = { ...ctx.notebook.me(), at: new Date().toISOString() };
      return ctx.workspace.updateForum(forumId, (doc) => restoreReportVersion(doc, versionId, by));
    },
    'forums.list': async () => ctx.notebook.listForums(),
    'forums.create': async (input) => ctx.notebook.createForum(input),
    'forums.get': async ({ forumId }) => withConflicts(ctx, forumId),
    'conflicts.resolve': async (choice) => {
      await chooseValue(ctx, choice);
      return withConflicts(ctx, choice.forumId);
    },
    'forums.update': async ({ forumId, patch }) => ctx.notebook.updateForum(forumId, patch),
    'forums.delete': async ({ forumId }) => ctx.notebook.setForumDeleted(forumId, true),
    'forums.restore': async ({ forumId }) => ctx.notebook.setForumDeleted(forumId, false),
    'sessions.create': async ({ forumId, session }) => ctx.notebook.createSession(forumId, session),
    'sessions.update': async ({ forumId, id, patch }) =>
      ctx.notebook.updateSession(forumId, id, patch),
    'sessions.delete': async ({ forumId, id }) => ctx.notebook.setSessionDeleted(forumId, id, true),
    'sessions.restore': async ({ forumId, id }) =>
      ctx.notebook.setSessionDeleted(forumId, id, false),
    'sessions.reorder': async ({ forumId, ids }) => ctx.notebook.reorderSessions(forumId, ids),
    'notes.list': async ({ forumId }) => ctx.notebook.listNotes(forumId),
    'notes.get': async ({ forumId, id }) => ctx.notebook.note(forumId, id),
    'notes.create': async ({ forumId, note }) => ctx.notebook.createNote(forumId, note),
    'notes.update': async ({ forumId, id, patch }) => ctx.notebook.updateNote(forumId, id, patch),
    'notes.delete': async ({ forumId, id }) => ctx.notebook.setNoteDeleted(forumId, id, true),
    'notes.discardEmpty': async ({ forumId, id }) => ctx.notebook.discardEmptyNote(forumId, id),
    'notes.restore': async ({ forumId, id }) => ctx.notebook.setNoteDeleted(forumId, id, false),
    'notes.history': async ({ forumId, id }) => ctx.notebook.noteHistory(forumId, id),
    'notes.restoreVersion': async ({ forumId, id, versionId }) =>
      ctx.notebook.restoreNoteVersion(forumId, id, versionId),
    'search.query': async ({ q }) => {
      await ctx.notebook.ready;
      return ctx.notebook.query(q);
    },
    'trash.list': async () => trash.list(),
    'trash.restore': async (ref) => {
      trash.restore(ref);
      return null;
    },
    'trash.purge': async (ref) => {
      await trash.purge(ref);
      return null;
    },
    'agreement.get': async ({ forumId }) => ctx.agreement.agreement(forumId),
    'clauseDocuments.create': async ({ forumId, document }) =>
      ctx.agreement.createDocument(forumId, document),
    'clauseDocuments.update': async ({ forumId, id, patch }) =>
      ctx.agreement.updateDocument(forumId, id, patch),
    'clauseDocuments.delete': async ({ forumId, id }) =>
      ctx.agreement.setDocumentDeleted(forumId, id, true),
    'clauses.preview': async ({ forumId, documentId, text }) =>
      ctx.agreement.preview(forumId, documentId, text),
    'clauses.apply': async ({ forumId, documentId, language, items, replace }) =>
      ctx.agreement.apply(forumId, documentId, language, items, replace),
    'clauses.undoApply': async ({ forumId, batch }) => ctx.agreement.undoApply(forumId, batch),
    'clauses.restoreVersion': async ({ forumId, id, versionId, sides }) =>
      ctx.agreement.restoreVersion(forumId, id, versionId, sides),
    'clauses.update': async ({ forumId, id, patch, base }) =>
      ctx.agreement.updateClause(forumId, id, patch, base),
    'clauses.position': async ({ forumId, id, position, base }) =>
      ctx.agreement.setPosition(forumId, id, position, base),
    'clauses.recordVersion': async ({ forumId, id, label }) =>
      ctx.agreement.recordVersion(forumId, id, label),
    'clauses.move': async ({ forumId, id, direction }) =>
      ctx.agreement.moveClause(forumId, id, direction),
    'clauses.renumber': async ({ forumId, documentId }) =>
      ctx.agreement.renumber(forumId, documentId),
    'clauses.delete': async ({ forumId, id }) => ctx.agreement.setClauseDeleted(forumId, id, true),
    'commitments.list': async ({ forumId }) =>
      forumId === null
        ? withCommitmentConflicts(ctx, ctx.agreement.commitments(null))
        : ctx.agreement.commitments(forumId),
    'commitments.create': async ({ forumId, commitment }) =>
      ctx.agreement.createCommitment(forumId, commitment),
    'commitments.update': async ({ forumId, id, patch, base }) =>
      ctx.agreement.updateCommitment(forumId, id, patch, base),
    'commitments.delete': async ({ forumId, id }) =>
      ctx.agreement.setCommitmentDeleted(forumId, id, true),
    'contacts.list': async () => ctx.contacts.list(),
    'contacts.get': async ({ id }) => ctx.contacts.get(id),
    'contacts.create': async ({ contact }) => ctx.contacts.create(contact),
    'contacts.update': async ({ id, patch }) => ctx.contacts.update(id, patch),
    'contacts.delete': async ({ id }) => ctx.contacts.setDeleted(id, true),
    'contacts.importPreview': async ({ base64, ...options }) =>
      ctx.contacts.previewImport(Buffer.from(base64, 'base64'), options),
    'contacts.importStart': async ({ base64, ...options }) => ({
      job: ctx.contacts.startImport(Buffer.from(base64, 'base64'), options),
    }),
    'contacts.importStatus': async ({ job }) => ctx.contacts.importStatus(job),
    'contacts.importCancel': async ({ job }) => ctx.contacts.cancelImport(job),
    'contacts.importCommit': async ({ token, ...options }) =>
      ctx.contacts.commitImport(token, options),
    'contacts.link': async ({ ids, forumId, sessionId, linked }) =>
      ctx.contacts.link(ids, forumId, sessionId, linked),
    'contacts.export': async (request) => ctx.contacts.export(request),
    'contacts.qr': async ({ id }) => ctx.contacts.qr(id),
    'contacts.duplicates': async () => ctx.contacts.duplicates(),
    'export.preview': async (options) => previewForum(ctx.workspace, options),
    'export.file': async (request) => {
      const file = await exportForum(ctx.workspace, request);
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        base64: file.content.toString('base64'),
      };
    },
    'contacts.merge': async ({ keepId, otherId, choices }) =>
      ctx.contacts.merge(keepId, otherId, choices),
    'demo.create': async () => {
      createExampleForums(ctx.notebook, ctx.agreement);
      return ctx.notebook.listForums();
    },
    'share.status': async ({ forumId }) => {
      ctx.workspace.forum(forumId);
      return { forumId, shared: ctx.workspace.isShared(forumId) };
    },
    'share.start': async ({ forumId }) => {
      await ctx.workspace.shareForum(forumId);
      return { forumId, shared: true };
    },
    'share.send': async ({ forumId, passphrase }) =>
      sendForumFile(ctx.workspace, forumId, passphrase),
    'share.receive': async ({ base64, passphrase }) => {
      const received = await receiveForumFile(
        ctx.workspace,
        Buffer.from(base64, 'base64'),
        passphrase,
      );
      ctx.notebook.forumReplaced(received.forumId);
      ctx.events.emit('workspace-changed', {});
      return received;
    },
    'lan.status': async () => lan.status(),
    'lan.host': async () => (await lan.service()).host(),
    'lan.join': async ({ address, code }) => (await lan.service()).join(address, code),
    'lan.removePeer': async ({ fingerprint }) => (await lan.service()).removePeer(fingerprint),
    'lan.stop': async () => (await lan.service()).stop(),
  };
}

/** A forum's details, with the fields two members set differently when it is shared. */
async function withConflicts(ctx: HandlerContext, forumId: string): Promise<ForumDetail> {
  const detail = ctx.notebook.forum(forumId);
  // Read where the document is (loaded on first use, on the store's worker thread).
  const conflicts = await ctx.workspace.sharedConflicts(forumId);
  return conflicts ? { ...detail, conflicts } : detail;
}

/**
 * All forums' commitments, each with its conflicts: the page lists them outside their forum,
 * where the forum's details (which carry them) are not loaded.
 */
async function withCommitmentConflicts(
  ctx: HandlerContext,
  views: CommitmentView[],
): Promise<CommitmentView[]> {
  const shared = new Set(ctx.workspace.sharedForumIds());
  const forums = [...new Set(views.map((v) => v.forumId))].filter((id) => shared.has(id));
  if (!forums.length) return views;
  const byCommitment = new Map<string, FieldConflict[]>();
  for (const forumId of forums) {
    for (const conflict of (await ctx.workspace.sharedConflicts(forumId)) ?? []) {
      if (conflict.kind !== 'commitment') continue;
      const key = `${forumId}/${conflict.id}`;
      byCommitment.set(key, [...(byCommitment.get(key) ?? []), conflict]);
    }
  }
  return views.map((v) => {
    const conflicts = byCommitment.get(`${v.forumId}/${v.id}`);
    return conflicts ? { ...v, conflicts } : v;
  });
}

/**
 * The delegate chose a value among those two members set: it is saved like any edit (so
 * the record says who chose), then written into the shared document at the conflict's
 * place even if it is the value already shown, which ends the conflict on every laptop.
 */
async function chooseValue(ctx: HandlerContext, choice: ApiParsedInput<'conflicts.resolve'>) {
  const { forumId, id, kind, field, value } = choice;
  const doc = await ctx.workspace.loadShared(forumId);
  if (!doc) throw new AppError('not-shared', { id: forumId });
  const { settlePath } = await import('../sync/field-conflicts');
  const path = settlePath(doc, kind, id, field);
  const view = ctx.workspace.forum(forumId);
  let settled: unknown = value;
  if (kind === 'session' && (field === 'title.id' || field === 'title.en')) {
    const session = view.sessions.find((s) => s.id === id);
    if (!session) throw new AppError('not-found', { id });
    const side = field === 'title.id' ? 'id' : 'en';
    ctx.notebook.updateSession(forumId, id, {
      title: { id: session.title.id, en: session.title.en, [side]: value ?? '' },
    });
    settled = value ?? '';
  } else if (kind === 'commitment' && (field === 'status' || field === 'dueDate')) {
    ctx.agreement.updateCommitment(forumId, id, commitmentPatchSchema.parse({ [field]: value }));
  } else if (kind === 'clause' && field === 'stance') {
    const clause = view.clauses.find((c) => c.id === id);
    if (!clause) throw new AppError('not-found', { id });
    const stance = positionSchema.shape.stance.parse(value);
    const reason = clause.position?.reason ?? { id: '', en: '' };
    const position = ctx.agreement.setPosition(forumId, id, {
      stance,
      reason: { id: reason.id, en: reason.en },
    }).position;
    // Two positions set from none: the chosen one is written whole.
    if (path[path.length - 1] === 'position') settled = position;
  } else {
    throw new AppError('not-found', { id: `${kind}.${field}` });
  }
  ctx.workspace.settleShared(forumId, path, settled);
}

function backupView(ctx: HandlerContext, entry: BackupEntry): BackupView {
  const forumId = entry.document.startsWith('forum-') ? entry.document.slice(6) : null;
  const forum = forumId ? ctx.workspace.data.forums.find((f) => f.id === forumId) : undefined;
  return { ...entry, forumName: forum ? { ...forum.name } : null };
}
