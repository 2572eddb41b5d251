import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KluisBridge } from '../../shared/api';
import { fake } from './fakeElectron';

// Never load the real 'electron' package: there is no binary here (DESIGN §9).
vi.mock('electron', () => import('./fakeElectron'));

const preloadSource = readFileSync(new URL('../../electron/preload.ts', import.meta.url), 'utf8');
/** The source without comments, so prose about ipcRenderer does not count. */
const preloadCode = preloadSource.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('preload source', () => {
  it('exposes exactly one object, window.kluis', () => {
    const calls = [...preloadCode.matchAll(/exposeInMainWorld\(\s*'([^']*)'\s*,\s*(\w+)\s*\)/g)];
    expect(calls.map((m) => m[1])).toEqual(['kluis']);
    expect(preloadCode.match(/exposeInMainWorld/g)).toHaveLength(1);
  });
  it('never hands ipcRenderer itself to the page (only calls its methods)', () => {
    const uses = [...preloadCode.matchAll(/\bipcRenderer\b(.?)/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      // `ipcRenderer.x(` is a call; `ipcRenderer,` / `ipcRenderer }` in an import is allowed below.
      const at = use.index ?? 0;
      const inImport = /import\s*\{[^}]*$/.test(preloadCode.slice(0, at));
      expect(inImport || use[1] === '.').toBe(true);
    }
    expect(preloadCode).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|postMessage)\b/);
  });
  it('imports nothing at run time but electron and the shared channel list', () => {
    const runtimeImports = [...preloadCode.matchAll(/^import\s+(?!type\b)[\s\S]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports.sort()).toEqual(['../shared/channels', 'electron']);
  });
});

describe('window.kluis from the preload', () => {
  let bridge: KluisBridge;
  beforeAll(async () => {
    await import('../../electron/preload');
    bridge = fake.exposed.get('kluis') as KluisBridge;
  });

  it('offers invoke and on, and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });
  it('forwards a whitelisted channel and its input to the main process', async () => {
    await expect(bridge.invoke('app.state', {})).resolves.toEqual({ ok: true, value: 'from-main' });
    expect(fake.rendererInvocations.at(-1)).toEqual(['kluis:invoke', 'app.state', {}]);
  });
  it('rejects an unknown channel without contacting the main process', async () => {
    const before = fake.rendererInvocations.length;
    const invoke = bridge.invoke as (channel: unknown, input: unknown) => Promise<unknown>;
    await expect(invoke('users.deleteAll', {})).rejects.toThrow(/unknown/i);
    await expect(invoke({ toString: () => 'app.state' }, {})).rejects.toThrow(/unknown/i);
    expect(fake.rendererInvocations.length).toBe(before);
  });
  it('refuses to subscribe to an unknown event', () => {
    const on = bridge.on as (event: unknown, cb: unknown) => unknown;
    expect(() => on('ipc.raw', () => undefined)).toThrow(/unknown/i);
    expect(() => on('session.changed', 'not a function')).toThrow(TypeError);
  });
  it('delivers only the payload of the subscribed event, never the IPC event object', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.on('session.changed', (...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: { secret: true } };
    fake.rendererListeners.emit('kluis:event', ipcEvent, 'session.changed', { reason: 'locked' });
    fake.rendererListeners.emit('kluis:event', ipcEvent, 'something.else', { reason: 'x' });
    expect(received).toEqual([[{ reason: 'locked' }]]);
    unsubscribe();
    fake.rendererListeners.emit('kluis:event', ipcEvent, 'session.changed', { reason: 'signedOut' });
    expect(received).toHaveLength(1);
  });
});
