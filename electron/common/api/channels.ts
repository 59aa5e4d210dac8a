// The channel names alone, without their schemas, so that the sandboxed preload can
// expose exactly these methods without bundling the validator.
export const apiChannels = [
  'app.info',
  'settings.get',
  'settings.update',
  'workspace.notices',
  'backups.list',
  'backups.restore',
  'profile.get',
  'profile.update',
  'members.save',
  'members.remove',
  'members.move',
  'letterhead.update',
  'report.get',
  'report.update',
  'report.draft',
  'forums.list',
  'forums.create',
  'forums.get',
  'forums.update',
  'forums.delete',
  'forums.restore',
  'conflicts.resolve',
  'sessions.create',
  'sessions.update',
  'sessions.delete',
  'sessions.restore',
  'sessions.reorder',
  'notes.list',
  'notes.get',
  'notes.create',
  'notes.update',
  'notes.delete',
  'notes.discardEmpty',
  'notes.restore',
  'notes.history',
  'notes.restoreVersion',
  'search.query',
  'trash.list',
  'trash.restore',
  'trash.purge',
  'agreement.get',
  'clauseDocuments.create',
  'clauseDocuments.update',
  'clauseDocuments.delete',
  'clauses.preview',
  'clauses.apply',
  'clauses.undoApply',
  'clauses.restoreVersion',
  'clauses.update',
  'clauses.position',
  'clauses.recordVersion',
  'clauses.move',
  'clauses.renumber',
  'clauses.delete',
  'commitments.list',
  'commitments.create',
  'commitments.update',
  'commitments.delete',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'contacts.importPreview',
  'contacts.importStart',
  'contacts.importStatus',
  'contacts.importCancel',
  'contacts.importCommit',
  'contacts.link',
  'contacts.export',
  'contacts.qr',
  'contacts.duplicates',
  'contacts.merge',
  'export.preview',
  'export.file',
  'demo.create',
  'share.status',
  'share.start',
  'share.send',
  'share.receive',
  'security.status',
  'security.unlock',
  'security.lock',
  'security.activity',
  'security.encrypt',
  'security.decrypt',
  'security.changePassphrase',
  'security.setAutoLock',
  'security.keychain',
] as const;

export type ApiChannel = (typeof apiChannels)[number];

export const apiEventNames = [
  'save-status',
  'settings-changed',
  'workspace-changed',
  'security-changed',
  'link-copied',
] as const;

export type ApiEventName = (typeof apiEventNames)[number];

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && (apiChannels as readonly string[]).includes(value);
}

/** The one IPC channel that carries pushes from the main process to the renderer. */
export const API_EVENT_CHANNEL = 'risalah:event';

/** The main process asks the page to send what it holds (before a close or a reload)… */
export const FLUSH_REQUEST_CHANNEL = 'risalah:flush-request';
/** …and the page answers on this channel once it has. */
export const FLUSH_DONE_CHANNEL = 'risalah:flush-done';
