import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/channels';
import type { Result } from '../../shared/errors';
import type { Caller, Dispatcher } from '../../electron/core/dispatch';
import { registerIpc } from '../../electron/ipc';
import { BrowserWindow, fake, type FakeWebContents } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

/** A dispatcher that records what it was given; the real one is tested in test/core. */
function recordingDispatcher(behaviour: () => Promise<Result<unknown>>) {
  const calls: { channel: unknown; input: unknown; caller: Caller }[] = [];
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const dispatcher: Dispatcher = {
    dispatch: async (channel, input, caller) => {
      calls.push({ channel, input, caller });
      return behaviour();
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown): void => {
    for (const l of listeners) l(name as EventName, payload);
  };
  return { dispatcher, calls, emit, listeners };
}

function invokeEvent(url: string | null, fromMainFrame: boolean) {
  const sender = { mainFrame: { url: url ?? '' } };
  const senderFrame = url === null ? null : fromMainFrame ? sender.mainFrame : { url };
  return { sender, senderFrame };
}

/** The fake window stands in for Electron's; only getURL/isDestroyed/send are used. */
const windowGetter = (get: () => BrowserWindow | null) => get as unknown as Parameters<typeof registerIpc>[1];

let window: BrowserWindow;
beforeEach(() => {
  window = new BrowserWindow({});
  window.webContents.url = 'app://kluis/';
});

describe('registerIpc: kluis:invoke', () => {
  it('passes the sender frame URL and main-frame fact to the dispatcher', async () => {
    const { dispatcher, calls } = recordingDispatcher(async () => ({ ok: true, value: 42 }));
    const dispose = registerIpc(dispatcher, () => null);
    const handler = fake.ipcHandlers.get('kluis:invoke');
    expect(handler).toBeDefined();

    await expect(handler?.(invokeEvent('app://kluis/', true), 'app.state', {})).resolves.toEqual({ ok: true, value: 42 });
    await handler?.(invokeEvent('https://evil.example/', false), 'app.state', { a: 1 });
    await handler?.(invokeEvent(null, false), 'app.state', {});

    expect(calls.map((c) => c.caller)).toEqual([
      { kind: 'ipc', url: 'app://kluis/', isMainFrame: true },
      { kind: 'ipc', url: 'https://evil.example/', isMainFrame: false },
      { kind: 'ipc', url: '', isMainFrame: false },
    ]);
    expect(calls[1]).toMatchObject({ channel: 'app.state', input: { a: 1 } });
    dispose();
    expect(fake.ipcHandlers.has('kluis:invoke')).toBe(false);
  });

  it('turns a throwing dispatcher into an INTERNAL error value without the message or stack', async () => {
    const { dispatcher } = recordingDispatcher(async () => {
      throw new Error('secret key material at /home/x');
    });
    const dispose = registerIpc(dispatcher, () => null);
    const result = (await fake.ipcHandlers.get('kluis:invoke')?.(invokeEvent('app://kluis/', true), 'app.state', {})) as Result<unknown>;
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), messageId: 'common.unexpected' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|\/home|at /);
    dispose();
  });
});

describe('registerIpc: events', () => {
  it('forwards whitelisted events to our page', () => {
    const { dispatcher, emit } = recordingDispatcher(async () => ({ ok: true, value: null }));
    const dispose = registerIpc(dispatcher, windowGetter(() => window));
    emit('session.changed', { reason: 'locked' });
    expect(window.webContents.sent).toEqual([['kluis:event', 'session.changed', { reason: 'locked' }]]);
    dispose();
  });

  it('drops event names that are not whitelisted', () => {
    const { dispatcher, emit } = recordingDispatcher(async () => ({ ok: true, value: null }));
    const dispose = registerIpc(dispatcher, windowGetter(() => window));
    emit('vault.keys', { dek: 'x' });
    expect(window.webContents.sent).toEqual([]);
    dispose();
  });

  it('sends nothing to a page that is not app://kluis, or to a destroyed or missing window', () => {
    const { dispatcher, emit } = recordingDispatcher(async () => ({ ok: true, value: null }));
    let current: BrowserWindow | null = window;
    const dispose = registerIpc(dispatcher, windowGetter(() => current));
    const contents: FakeWebContents = window.webContents;
    contents.url = 'https://evil.example/';
    emit('session.changed', { reason: 'locked' });
    contents.url = 'app://kluis/';
    window.destroyed = true;
    emit('session.changed', { reason: 'locked' });
    current = null;
    emit('session.changed', { reason: 'locked' });
    expect(contents.sent).toEqual([]);
    dispose();
  });

  it('stops forwarding after dispose', () => {
    const { dispatcher, listeners } = recordingDispatcher(async () => ({ ok: true, value: null }));
    const dispose = registerIpc(dispatcher, windowGetter(() => window));
    expect(listeners.size).toBe(1);
    dispose();
    expect(listeners.size).toBe(0);
  });
});
