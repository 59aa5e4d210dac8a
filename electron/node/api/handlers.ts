import type { AppInfo, Transport } from '../../common/api/types';
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
  };
}
