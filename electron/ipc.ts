/**
 * The one place ipcMain is used. The renderer reaches the main process through a single handle,
 * 'kluis:invoke', and hears back on 'kluis:event'. What a call may do is the dispatcher's decision
 * (sender check, schema, session, permission); this file only passes it the facts about the sender
 * and makes sure nothing but a Result value ever crosses back.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT as EVENT_CHANNEL, IPC_INVOKE as INVOKE_CHANNEL, isEventName, type EventName } from '../shared/channels';
import type { ApiError, Result } from '../shared/errors';
import type { EventPayloads } from '../shared/api';
import type { Dispatcher } from './core/dispatch';
import { KluisError } from './core/errors';
import { isAppUrl } from './security';


const INTERNAL: ApiError = new KluisError('INTERNAL', 'common.unexpected').toApiError();

/** Returns a function that removes the handler and the event forwarding again. */
export function registerIpc(dispatcher: Dispatcher, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    try {
      return await dispatcher.dispatch(channel, input, {
        kind: 'ipc',
        url: frame?.url ?? '',
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
      });
    } catch {
      // The dispatcher returns errors as values; a throw here is a bug, and its stack must not
      // reach the renderer (ipcMain.handle would serialise the Error message across).
      return { ok: false, error: INTERNAL };
    }
  });

  const unsubscribe = dispatcher.onEvent((name: EventName, payload: unknown) => sendEvent(getWindow(), name, payload));

  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}

/** Pushes an event to the renderer: the core's events, and the menu's commands. */
export function sendEvent<E extends EventName>(window: BrowserWindow | null, name: E, payload: EventPayloads[E] | unknown): void {
  if (!isEventName(name)) return;
  if (window === null || window.isDestroyed()) return;
  // Only our own page hears events; never a page that somehow got navigated elsewhere.
  if (!isAppUrl(window.webContents.getURL())) return;
  window.webContents.send(EVENT_CHANNEL, name, payload);
}
