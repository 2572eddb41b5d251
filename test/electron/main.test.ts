/**
 * Runs electron/main.ts against the fake 'electron' module and a fake core, and checks what it asks
 * Electron to do: schemes before ready, locked-down web contents, denied permissions, the app://
 * protocol with its headers, the window, the menu, and closing the core on quit.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { secureWindowOptions } from '../../electron/windowOptions';
import { BrowserWindow, FakeDownloadItem, FakeWebContents, app, fake, fakeEvent, powerMonitor, session } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const core = vi.hoisted(() => ({
  close: vi.fn(async () => undefined),
  lock: vi.fn(async () => undefined),
  openKluis: vi.fn(),
  createDispatcher: vi.fn(),
}));
vi.mock('../../electron/core/kluis', () => ({
  openKluis: core.openKluis.mockImplementation(async () => ({ close: core.close, lock: core.lock })),
}));
vi.mock('../../electron/core/dispatch', () => ({
  createDispatcher: core.createDispatcher.mockImplementation(() => ({
    dispatch: async () => ({ ok: true, value: null }),
    onEvent: () => () => undefined,
  })),
}));

let window: BrowserWindow;

beforeAll(async () => {
  fake.isPackaged = true;
  // Dutch was chosen in the window last time, on a computer whose language is English (US).
  fake.systemLanguages = ['en-US', 'nl-NL'];
  fake.userData = mkdtempSync(join(tmpdir(), 'kluis-main-'));
  mkdirSync(join(fake.userData, 'data'));
  writeFileSync(join(fake.userData, 'data', 'display.json'), JSON.stringify({ language: 'nl' }));
  await import('../../electron/main');
  expect(BrowserWindow.created).toHaveLength(0); // nothing before 'ready'
  fake.ready();
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
  window = BrowserWindow.created[0] as BrowserWindow;
  await vi.waitFor(() => expect(window.webContents.url).toBe('app://kluis/'));
});

afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('main: before ready', () => {
  it('registers app:// as a standard, secure, fetch-capable scheme before ready', () => {
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('protocol.handle'));
  });
  it('sandboxes every renderer', () => {
    expect(fake.calls).toContain('app.enableSandbox');
  });
  it('starts Chromium in the language last chosen in the window, so date fields follow it', () => {
    expect(fake.switches).toEqual([['lang', 'nl-NL']]);
  });
});

describe('main: the core', () => {
  it('opens the core in the user-data folder with the packaged native module', () => {
    expect(core.openKluis).toHaveBeenCalledWith({ dataDir: join(fake.userData, 'data'), nativeBinding: undefined });
  });
  it('trusts only the app:// origin', () => {
    expect(core.createDispatcher).toHaveBeenCalledWith(expect.anything(), { trustedOrigins: ['app://kluis'] });
  });
  it('registers the IPC handler', () => {
    expect(fake.ipcHandlers.has('kluis:invoke')).toBe(true);
  });
});

describe('main: locking', () => {
  it.each(['suspend', 'lock-screen'])('locks the core on %s', (event) => {
    core.lock.mockClear();
    powerMonitor.emit(event);
    expect(core.lock).toHaveBeenCalledWith('system');
  });
  it('offers Lock in the menu with Ctrl+L / Cmd+L', () => {
    const template = fake.menuTemplate as { label?: string; submenu?: { label?: string; accelerator?: string; click?: () => void }[] }[];
    const lockItem = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.label === 'Lock');
    expect(lockItem?.accelerator).toBe('CmdOrCtrl+L');
    core.lock.mockClear();
    lockItem?.click?.();
    expect(core.lock).toHaveBeenCalledWith('manual');
  });
});

describe('main: the window', () => {
  it('uses the secure window options', () => {
    const options = window.options as ReturnType<typeof secureWindowOptions>;
    expect(options).toEqual(secureWindowOptions(options.webPreferences.preload, { isPackaged: true }));
    expect(options.webPreferences.preload).toMatch(/preload[/\\]preload\.cjs$/);
  });
  it('loads app://kluis/, never file://', () => {
    expect(window.webContents.url).toBe('app://kluis/');
  });
  it('shows the window only when ready-to-show', () => {
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
  it('has no DevTools or reload in the packaged menu, but keeps the Edit roles', () => {
    const roles = JSON.stringify(fake.menuTemplate);
    expect(roles).not.toMatch(/toggleDevTools|reload/i);
    for (const role of ['cut', 'copy', 'paste']) expect(roles).toContain(`"role":"${role}"`);
  });
  it('hands Undo, Redo and History to the renderer, which knows whether a text field has focus', () => {
    const template = fake.menuTemplate as { submenu?: { label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void }[] }[];
    const items = template.flatMap((menu) => menu.submenu ?? []);
    const sent = window.webContents.sent;
    for (const [label, accelerator, command] of [
      ['Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Redo', 'Shift+CmdOrCtrl+Z', 'redo'],
      ['History…', undefined, 'history'],
    ] as const) {
      const item = items.find((i) => i.label === label);
      expect(item?.accelerator).toBe(accelerator);
      sent.length = 0;
      item?.click?.();
      expect(sent).toEqual([['kluis:event', 'menu.command', { command }]]);
    }
  });
});

describe('main: every web contents is locked down', () => {
  const contents = new FakeWebContents();
  beforeAll(() => {
    app.emit('web-contents-created', fakeEvent(), contents);
  });

  it('denies window.open', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kluis/' })).toEqual({ action: 'deny' });
  });
  it.each(['will-navigate', 'will-redirect'])('%s: blocks other origins, allows app://kluis', (name) => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/', 'javascript:alert(1)']) {
      const event = fakeEvent({ url });
      contents.emit(name, event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const ours = fakeEvent({ url: 'app://kluis/index.html' });
    contents.emit(name, ours, 'app://kluis/index.html');
    expect(ours.defaultPrevented).toBe(false);
  });
  it('blocks <webview> attachment', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('main: permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies the %s request', (permission) => {
    const answer = vi.fn();
    fake.permissionRequestHandler?.(new FakeWebContents(), permission, answer, {});
    expect(answer).toHaveBeenCalledWith(false);
  });
  it('answers every permission check with false', () => {
    expect(fake.permissionCheckHandler?.(null, 'media', 'app://kluis', {})).toBe(false);
    expect(fake.devicePermissionHandler?.({})).toBe(false);
  });
});

describe('main: saved exports', () => {
  it('makes a completed download readable by the user alone, and leaves a cancelled one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kluis-download-'));
    try {
      const saved = join(folder, 'contacts.csv');
      const cancelled = join(folder, 'cancelled.csv');
      for (const file of [saved, cancelled]) writeFileSync(file, 'Naam\n', { mode: 0o644 });
      const download = (file: string, state: string): void => {
        const item = new FakeDownloadItem(file);
        session.defaultSession.emit('will-download', fakeEvent(), item, new FakeWebContents());
        item.emit('done', fakeEvent(), state);
      };
      download(saved, 'completed');
      download(cancelled, 'cancelled');
      expect(statSync(saved).mode & 0o777).toBe(0o600);
      expect(statSync(cancelled).mode & 0o777).toBe(0o644);
      // A file gone by then (moved at once) is no failure.
      expect(() => download(join(folder, 'gone.csv'), 'completed')).not.toThrow();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('main: the app:// protocol', () => {
  const request = (url: string, method = 'GET'): Promise<Response> => {
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('app:// not handled');
    return handler({ url, method } as Request);
  };

  it('serves index.html with the CSP and nosniff headers', async () => {
    const response = await request('app://kluis/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const index = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(await response.text()).toBe(index);
  });
  it.each(['app://kluis/../package.json', 'app://kluis/%2e%2e/package.json', 'app://kluis/missing.js', 'app://other/'])(
    'answers 404 to %s, still with the security headers',
    async (url) => {
      const response = await request(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    },
  );
  it('answers 404 to anything but GET', async () => {
    expect((await request('app://kluis/', 'POST')).status).toBe(404);
  });
});

describe('main: quitting', () => {
  it('holds the quit until the core is closed (keys zeroed), then quits', async () => {
    const quitsBefore = fake.quitCount;
    const first = fakeEvent();
    app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(core.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.quitCount).toBe(quitsBefore + 1));
    const second = fakeEvent();
    app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(core.close).toHaveBeenCalledTimes(1);
  });
});
