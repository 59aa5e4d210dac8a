import type { AppInfo, BackupEntry, BackupView, Transport } from '../../common/api/types';
import { languageFromLocale } from '../../common/language';
import type { Workspace } from '../store/workspace';
import type { ApiHandlers } from './dispatch';
import type { EventBus } from './event-bus';

export interface HandlerContext {
  workspace: Workspace;
  events: EventBus;
  transport: Transport;
  version: string;
  systemLocale: string;
}

/** The API, in plain Node: both transports call these through `dispatch`. */
export function createHandlers(ctx: HandlerContext): ApiHandlers {
  return {
    'app.info': async (): Promise<AppInfo> => ({
      name: 'Risalah',
      version: ctx.version,
      transport: ctx.transport,
      systemLocale: ctx.systemLocale,
      systemLanguage: languageFromLocale(ctx.systemLocale),
      workspaceDir: ctx.workspace.dir,
      platform: process.platform,
    }),
    'settings.get': async () => ctx.workspace.settings,
    'settings.update': async (patch) => {
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
  };
}

function backupView(ctx: HandlerContext, entry: BackupEntry): BackupView {
  const forumId = entry.document.startsWith('forum-') ? entry.document.slice(6) : null;
  const forum = forumId ? ctx.workspace.data.forums.find((f) => f.id === forumId) : undefined;
  return { ...entry, forumName: forum ? { ...forum.name } : null };
}
