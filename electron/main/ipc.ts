import { randomUUID } from 'node:crypto';
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import {
  API_EVENT_CHANNEL,
  FLUSH_DONE_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  apiChannels,
} from '../common/api/channels';
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

/** How long a close or reload waits for the page before going ahead anyway. */
export const FLUSH_TIMEOUT_MS = 3000;

/**
 * Asks the page in `contents` to send every edit it still holds to the host, and waits for
 * its answer, or `timeoutMs` (a hung page must not keep the window open forever).
 */
export function askPageToFlush(
  contents: Electron.WebContents,
  timeoutMs = FLUSH_TIMEOUT_MS,
): Promise<'flushed' | 'timeout' | 'gone'> {
  if (contents.isDestroyed()) return Promise.resolve('gone');
  const id = randomUUID();
  return new Promise((resolve) => {
    const answered = (event: Electron.IpcMainEvent, answer: unknown) => {
      if (answer === id && event.sender === contents) finish('flushed');
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const finish = (outcome: 'flushed' | 'timeout') => {
      clearTimeout(timer);
      ipcMain.removeListener(FLUSH_DONE_CHANNEL, answered);
      resolve(outcome);
    };
    ipcMain.on(FLUSH_DONE_CHANNEL, answered);
    contents.send(FLUSH_REQUEST_CHANNEL, id);
  });
}

/** The window closes only once its page has sent what it holds (or the timeout passed). */
export function flushBeforeClose(
  window: Electron.BrowserWindow,
  timeoutMs = FLUSH_TIMEOUT_MS,
): void {
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    void askPageToFlush(window.webContents, timeoutMs).then(() => {
      flushed = true;
      window.close();
      // The page refused to go (a form with unsaved input, and the user kept it): the next
      // close flushes again.
      if (!window.webContents.isDestroyed()) flushed = false;
    });
  });
}

/**
 * A page with unsaved form input refuses to unload (`beforeunload`); Electron then cancels the
 * close or reload silently. The user is asked instead: `discard` true lets the page go.
 */
export function askBeforeDroppingInput(
  window: Electron.BrowserWindow,
  discard: () => boolean,
): void {
  window.webContents.on('will-prevent-unload', (event) => {
    if (discard()) event.preventDefault();
  });
}

/** View → Reload: the page sends what it holds first, then reloads. */
export async function reloadAfterFlush(
  window: Electron.BrowserWindow,
  timeoutMs = FLUSH_TIMEOUT_MS,
): Promise<void> {
  await askPageToFlush(window.webContents, timeoutMs);
  if (!window.webContents.isDestroyed()) window.webContents.reload();
}
