import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import {
  API_EVENT_CHANNEL,
  FLUSH_DONE_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  apiChannels,
} from '../common/api/channels';

/**
 * The only place `ipcRenderer` appears. The page gets one function per contract channel
 * and an event subscription, never `ipcRenderer` itself.
 */
const api = Object.fromEntries(
  apiChannels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
);

contextBridge.exposeInMainWorld('risalah', {
  api,
  onEvent(listener: (event: unknown) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(API_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(API_EVENT_CHANNEL, wrapped);
  },
  /** Before a close or reload the main process asks the page to send what it holds. */
  onFlushRequest(handler: () => Promise<void>): void {
    ipcRenderer.on(FLUSH_REQUEST_CHANNEL, (_event: IpcRendererEvent, id: unknown) => {
      void handler()
        .catch(() => undefined)
        .finally(() => ipcRenderer.send(FLUSH_DONE_CHANNEL, id));
    });
  },
});
