/**
 * The sandboxed preload: the page's only door to the main process. It exposes exactly
 * `window.kluis.invoke(channel, input)` and `window.kluis.on(event, callback)` for the names in
 * shared/channels.ts. Neither ipcRenderer nor the IPC event object is ever handed to the page: with
 * them, a compromised page could send on any channel or reply as us.
 *
 * Runs with sandbox on, so it is bundled to CommonJS and may require only 'electron'; the channel
 * list is bundled in. The import of shared/api.ts is type-only and disappears from the bundle.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KluisBridge } from '../shared/api';
import { IPC_EVENT as EVENT_CHANNEL, IPC_INVOKE as INVOKE_CHANNEL, isChannelName, isEventName } from '../shared/channels';


const bridge: KluisBridge = {
  invoke(channel, input) {
    // Checked here as well as in the dispatcher, so a typo fails fast and loudly in development.
    if (!isChannelName(channel)) return Promise.reject(new Error('Unknown Kluis channel'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  on(event, callback) {
    if (!isEventName(event)) throw new Error('Unknown Kluis event');
    if (typeof callback !== 'function') throw new TypeError('Kluis event callback must be a function');
    // The page gets the payload only, never the IpcRendererEvent (it carries `sender`).
    const listener = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) callback(payload as Parameters<typeof callback>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('kluis', bridge);
