import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { API_EVENT_CHANNEL, apiChannels } from '../common/api/channels';
import type { ApiEvent } from '../common/api/contract';
import { AppError } from '../common/errors';
import type { Runtime } from '../node/runtime';
import { isAppUrl } from './protocol';

/**
 * The only place `ipcMain` appears. Every channel of the contract gets one handler that
 * refuses senders other than the app's own top frame, then hands the still-untrusted
 * input to `dispatch`, which validates it.
 */
export function registerIpc(runtime: Runtime): () => void {
  for (const channel of apiChannels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: new AppError('unknown-channel', { channel }).toPayload() };
      }
      return runtime.call(channel, input);
    });
  }
  return () => apiChannels.forEach((channel) => ipcMain.removeHandler(channel));
}

export function sendEvent(contents: Electron.WebContents, event: ApiEvent): void {
  if (!contents.isDestroyed()) contents.send(API_EVENT_CHANNEL, event);
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
